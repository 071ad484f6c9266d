using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Maxxit.Sdk.Tests.Workers;

/// <summary>Runs <c>dotnet Maxxit.Sample.Console.dll --worker</c> as a child process and stops it with a POSIX signal.</summary>
public sealed class SampleWorkerProcessTests
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    [Theory]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    public async Task The_worker_mode_executes_signals_until_a_signal_stops_it_cleanly(int signal)
    {
        var workDir = Directory.CreateTempSubdirectory("maxxit-worker-").FullName;
        var output = new StringBuilder();
        var executed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SampleDll());
        start.ArgumentList.Add("--worker");
        start.Environment["Maxxit__Worker__Interval"] = "00:00:00.500";
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains(": EXECUTED on ", StringComparison.Ordinal) && Count(output, ": EXECUTED on ") >= 3)
            {
                executed.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await executed.Task.WaitAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(0, Kill(process.Id, signal));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var text = Snapshot(output);
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\n{text}");
        Assert.Contains("EXECUTED on HYPERLIQUID", text);
        Assert.Contains("EXECUTED on OSTIUM", text);
        Assert.Contains("Signal worker stopped", text);
        Assert.Contains("Sample worker exited cleanly", text);
        Assert.DoesNotContain("fail:", text);

        // The rolling file under ./logs has the same story.
        var log = Assert.Single(Directory.GetFiles(Path.Combine(workDir, "logs"), "maxxit-worker-*.log"));
        var logged = await File.ReadAllTextAsync(log);
        Assert.Contains(": EXECUTED on ", logged);
        Assert.Contains("Signal worker stopped", logged);
        Directory.Delete(workDir, recursive: true);
    }

    private static string SampleDll()
    {
        // The test project references the sample, so it is built with the same configuration next to its own project.
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Maxxit.Sdk.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root!.FullName, "samples", "Maxxit.Sample.Console", "bin", configuration, here.Name, "Maxxit.Sample.Console.dll");
        Assert.True(File.Exists(dll), $"sample not built at {dll}");
        return dll;
    }

    private static int Count(StringBuilder output, string needle)
    {
        var text = Snapshot(output);
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
