using Maxxit.Sample.Console;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Tests.Workers;

public sealed class WorkerFileLoggerProviderTests
{
    [Fact]
    public void Rolls_by_size_and_by_day_and_keeps_only_the_newest_files()
    {
        var dir = Directory.CreateTempSubdirectory("maxxit-logs-").FullName;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 23, 59, 0, TimeSpan.Zero));
        using (var provider = new WorkerFileLoggerProvider(dir, time) { MaxFileBytes = 400, RetainedFiles = 3 })
        {
            var logger = provider.CreateLogger("Test");
            for (var i = 0; i < 8; i++)
            {
                logger.LogInformation("line {Number} with enough text to fill a small file quickly", i);
            }

            logger.LogDebug("debug lines are not written");
            time.Advance(TimeSpan.FromMinutes(2));
            logger.LogWarning("first line of the next day");
            Assert.EndsWith("maxxit-worker-20261125.log", provider.CurrentPath);
        }

        var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(3, files.Count);
        Assert.Contains("maxxit-worker-20261125.log", files);
        Assert.All(files.Where(f => f!.Contains("20261124")), f => Assert.True(new FileInfo(Path.Combine(dir, f!)).Length <= 400 + 200));
        Assert.Contains("WARN Test: first line of the next day", File.ReadAllText(Path.Combine(dir, "maxxit-worker-20261125.log")));
        Assert.DoesNotContain(files, f => File.ReadAllText(Path.Combine(dir, f!)).Contains("debug lines", StringComparison.Ordinal));
        Directory.Delete(dir, recursive: true);
    }
}
