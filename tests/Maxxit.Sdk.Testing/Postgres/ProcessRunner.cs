using System.Diagnostics;
using System.Text;

namespace Maxxit.Sdk.Testing.Postgres;

/// <summary>Runs a command to completion and captures its output, so failures can quote what the tool said.</summary>
internal static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IReadOnlyList<string> args, TimeSpan timeout, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        try
        {
            p.Start();
        }
        catch (Exception ex)
        {
            return new ProcessResult(-1, string.Empty, $"could not start {fileName}: {ex.Message}");
        }

        p.StandardInput.Close();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(timeout))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            return new ProcessResult(-1, stdout.ToString(), $"{fileName} timed out after {timeout.TotalSeconds:0}s. {stderr}");
        }

        p.WaitForExit();
        return new ProcessResult(p.ExitCode, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>Exit code and captured output of a finished command.</summary>
internal sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public bool Ok => ExitCode == 0;

    public override string ToString() => $"exit {ExitCode}; stdout: {StdOut.Trim()}; stderr: {StdErr.Trim()}";
}
