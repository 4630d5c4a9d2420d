using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SalesFunctions.Core.Json;

namespace SalesFunctions.Core.Privacy;

/// <summary>
/// A privacy policy sent as a request body. Read strictly: lenient binding skips what it cannot read (a misspelt
/// property, a value in bytes that are not UTF-8) and leaves the defaults in its place, so a typo would silently
/// replace a tenant's exclusions. Every problem is reported with its line instead, and the policy in force stays.
/// </summary>
public static class PrivacyPolicyFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    /// <summary>The policy the body states, or null with every problem found and its 1-based line.</summary>
    public static PrivacyPolicy? Read(ReadOnlySpan<byte> utf8, out IReadOnlyList<(int Line, string Message)> errors)
    {
        if (Utf8.ToUtf16(utf8, new char[Encoding.UTF8.GetMaxCharCount(utf8.Length)], out var consumed, out _, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            errors = [(LineAt(utf8, consumed), "the body is not UTF-8.")];
            return null;
        }

        PrivacyPolicy? policy;
        JsonLineMap lines;
        try
        {
            lines = JsonLineMap.Read(utf8);
            policy = JsonSerializer.Deserialize<PrivacyPolicy>(utf8, Options);
        }
        catch (JsonException e)
        {
            errors = [((int)(e.LineNumber ?? 0) + 1, e.Message)];
            return null;
        }

        if (policy is null)
        {
            errors = [(1, "the body must be a JSON object: the privacy policy.")];
            return null;
        }

        errors = [.. lines.NullItems.Select(n => (n.Line, $"{n.Path} is null; a list holds strings."))];
        return errors.Count == 0 ? policy : null;
    }

    private static int LineAt(ReadOnlySpan<byte> utf8, int offset) => utf8[..offset].Count((byte)'\n') + 1;
}
