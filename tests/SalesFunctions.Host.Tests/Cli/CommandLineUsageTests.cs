namespace SalesFunctions.Host.Tests.Cli;

/// <summary>
/// salesfn's command line as a real process, without storage: every usage error is caught by the parser before any
/// storage is touched, says what is wrong, shows the help of the command it belongs to, and exits 2.
/// </summary>
public sealed class CommandLineUsageTests
{
    private const string Tenant = "recompute-tenant";

    [Theory]
    [InlineData("Option '--tenant' is required", "kpis", "recompute")]
    [InlineData("--from takes a day as yyyy-MM-dd, not '2026-13-01'", "kpis", "recompute", "--tenant", Tenant, "--from", "2026-13-01")]
    [InlineData("--from 2026-03-02 is after --to 2026-03-01", "kpis", "recompute", "--tenant", Tenant, "--from", "2026-03-02", "--to", "2026-03-01")]
    [InlineData("Unrecognized command or argument 'extra'", "kpis", "recompute", "--tenant", Tenant, "extra")]
    [InlineData("Unrecognized command or argument 'recalculate'", "kpis", "recalculate", "--tenant", Tenant)]
    [InlineData("Unrecognized command or argument '--since'", "kpis", "recompute", "--tenant", Tenant, "--since", "2026-03-01")]
    [InlineData("Required argument missing for option: '--tenant'", "kpis", "recompute", "--tenant")]
    [InlineData("Required argument missing for option: '--storage'", "backfill", "--tenant", Tenant, "export.mbox", "--storage")]
    [InlineData("Unrecognized option '--strict'", "territories", "validate", "--strict", "model.json")]
    [InlineData("Required command was not provided", "qualification")]
    public async Task Salesfn_WhenArgumentsAreInvalid_SaysWhatIsWrongShowsUsageAndExits2(string error, params string[] args)
    {
        var (exit, output) = await Salesfn.RunAsync(null, args);

        Assert.Equal(2, exit);
        Assert.Contains(error, output, StringComparison.Ordinal);
        Assert.Contains($"salesfn {args[0]}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Salesfn_WhenAskedForHelp_ListsEveryOptionOfTheCommandAndExits0()
    {
        var (exit, output) = await Salesfn.RunAsync(null, "kpis", "recompute", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("salesfn kpis recompute [options]", output, StringComparison.Ordinal);
        foreach (var option in new[] { "--tenant <tenant id> (REQUIRED)", "--from <yyyy-MM-dd>", "--to <yyyy-MM-dd>", "--storage <connection string>", "--prefix <name prefix>" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }
}
