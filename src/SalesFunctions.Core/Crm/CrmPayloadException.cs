namespace SalesFunctions.Core.Crm;

/// <summary>A body that is not what the provider sends: the ingress answers 400 with the message, never storing it.</summary>
public sealed class CrmPayloadException(string message, Exception? inner = null) : Exception(message, inner);
