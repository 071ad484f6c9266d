namespace Maxxit.Sdk.ExampleVenue;

/// <summary>docs/custom-venue.md shows this project's adapter as it is, so the page's example is the code the flow tests run.</summary>
public sealed class DocumentationTests
{
    [Fact]
    public void The_custom_venue_page_shows_the_adapter_these_tests_run()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Maxxit.Sdk.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Maxxit.Sdk.sln not found above the test output");
        }

        var source = Normalize(File.ReadAllText(Path.Combine(root, "tests", "Maxxit.Sdk.ExampleVenue", "DydxVenue.cs")));
        var page = Normalize(File.ReadAllText(Path.Combine(root, "docs", "custom-venue.md")));
        const string Namespace = "namespace Maxxit.Sdk.ExampleVenue;\n";
        var adapter = source[(source.IndexOf(Namespace, StringComparison.Ordinal) + Namespace.Length)..].TrimStart('\n');

        Assert.Contains("public sealed class DydxVenue", adapter, StringComparison.Ordinal);
        Assert.Contains(adapter, page, StringComparison.Ordinal);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
