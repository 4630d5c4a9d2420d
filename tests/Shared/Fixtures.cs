namespace SalesFunctions.Tests.Shared;

/// <summary>The published vendor examples in ../shared/fixtures, found from the repository root.</summary>
public static class Fixtures
{
    private static readonly Lazy<string> Repository = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SalesFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("SalesFunctions.sln not found above the test binaries.");
    });

    private static readonly Lazy<string> Root = new(() =>
    {
        var fixtures = System.IO.Path.Combine(Repository.Value, "..", "shared", "fixtures");
        return Directory.Exists(fixtures) ? fixtures : throw new DirectoryNotFoundException($"The shared fixtures are expected at {fixtures}.");
    });

    public static string RepositoryRoot => Repository.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);
}
