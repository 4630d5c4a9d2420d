using Microsoft.Extensions.Options;

namespace SalesFunctions.Storage;

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var hasUris = options.TableServiceUri is not null && options.QueueServiceUri is not null && options.BlobServiceUri is not null;
        if (string.IsNullOrWhiteSpace(options.ConnectionString) && !hasUris)
        {
            return ValidateOptionsResult.Fail(
                "Set Storage:ConnectionString (Azurite: see scripts/azurite.sh) or all of Storage:TableServiceUri, QueueServiceUri and BlobServiceUri (managed identity).");
        }

        return options.Prefix.Length > 20 || !options.Prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            || (options.Prefix.Length > 0 && !char.IsAsciiLetterLower(options.Prefix[0]))
            ? ValidateOptionsResult.Fail("Storage:Prefix must be at most 20 lowercase letters and digits, starting with a letter.")
            : ValidateOptionsResult.Success;
    }
}
