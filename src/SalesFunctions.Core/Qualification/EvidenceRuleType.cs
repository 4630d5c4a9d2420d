namespace SalesFunctions.Core.Qualification;

/// <summary>The closed set of evidence rules a criterion may use (docs/qualification.md lists their parameters).</summary>
public enum EvidenceRuleType
{
    CrmField,
    ContactTitle,
    ContactRole,
    Stakeholders,
    RepeatedContact,
    Recency,
    SubjectKeyword,
    DealStage,
}
