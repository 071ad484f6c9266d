namespace Maxxit.Sample.Api.Tests;

public sealed class QuickStartTests
{
    // A fresh server of its own: the quick start asserts exact counts.
    [Fact]
    public async Task The_original_quick_start_works_unchanged_on_the_embedded_default()
    {
        var api = new ApiServer();
        await api.InitializeAsync();
        try
        {
            await QuickStart.RunAsync(api);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }
}
