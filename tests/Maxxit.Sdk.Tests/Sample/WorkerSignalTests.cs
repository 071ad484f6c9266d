using System.Diagnostics;
using Maxxit.Sample.Console;

namespace Maxxit.Sdk.Tests.Sample;

/// <summary>
/// The worker as an operator runs it: a child process whose output goes to a file, stopped with a signal. SIGINT
/// arrives ignored, as under a script's <c>worker &gt; log &amp;</c> or <c>nohup</c>, which is the hard case.
/// </summary>
public sealed class WorkerSignalTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task The_worker_exits_cleanly_on_a_signal_with_stdout_redirected_to_a_file(string signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var work = Directory.CreateTempSubdirectory("maxxit-worker-").FullName;
        var log = Path.Combine(work, "stdout.log");
        var dll = typeof(SampleHost).Assembly.Location;
        try
        {
            // `trap "" INT` makes SIGINT ignored, and exec keeps that for the worker, exactly as a background job gets it.
            var start = new ProcessStartInfo("/bin/sh", ["-c", $"trap '' INT; exec dotnet \"{dll}\" --worker > \"{log}\" 2>&1"])
            {
                WorkingDirectory = work,
                UseShellExecute = false,
            };
            start.Environment["Maxxit__Worker__Interval"] = "00:00:01";
            using var worker = Process.Start(start)!;
            try
            {
                await WaitForAsync(() => File.Exists(log) && File.ReadAllText(log).Contains("Cycle done", StringComparison.Ordinal), worker);

                using (var kill = Process.Start("kill", [$"-{signal}", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
                {
                    await kill.WaitForExitAsync();
                }

                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await worker.WaitForExitAsync(bound.Token);
            }
            finally
            {
                if (!worker.HasExited)
                {
                    worker.Kill(entireProcessTree: true);
                }
            }

            var output = File.ReadAllText(log);
            Assert.Equal(0, worker.ExitCode);
            Assert.Contains("Application is shutting down", output, StringComparison.Ordinal);
            Assert.Contains("Sample worker exited cleanly", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // Polls the child's log until it is ready; a bound, not a timing: a worker that never gets ready fails the test.
    private static async Task WaitForAsync(Func<bool> ready, Process worker)
    {
        for (var i = 0; i < 600 && !ready(); i++)
        {
            Assert.False(worker.HasExited, "the worker exited before it was ready");
            await Task.Delay(100);
        }

        Assert.True(ready(), "the worker did not get ready");
    }
}
