using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Maxxit.Sample.Console;

/// <summary>
/// A small rolling file logger: one file per day (<c>maxxit-worker-yyyyMMdd.log</c>), rolled to <c>.1</c>, <c>.2</c>, …
/// when a file passes <see cref="MaxFileBytes"/>; only the newest <see cref="RetainedFiles"/> files are kept.
/// Lines are written through one lock and flushed at once, so a crash loses at most the line being written.
/// </summary>
public sealed class WorkerFileLoggerProvider : ILoggerProvider
{
    private const string Prefix = "maxxit-worker-";
    private readonly Lock _lock = new();
    private readonly string _directory;
    private readonly TimeProvider _time;
    private StreamWriter? _writer;
    private string? _day;
    private int _part;

    public WorkerFileLoggerProvider(string directory, TimeProvider time)
    {
        _directory = Path.GetFullPath(directory);
        _time = time;
        Directory.CreateDirectory(_directory);
    }

    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    public int RetainedFiles { get; init; } = 14;

    /// <summary>The file being written.</summary>
    public string? CurrentPath { get; private set; }

    public ILogger CreateLogger(string categoryName) => new WorkerFileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_lock)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var now = _time.GetUtcNow();
        var line = new StringBuilder()
            .Append(now.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(' ')
            .Append(level.ToString().ToUpperInvariant()[..4]).Append(' ')
            .Append(category).Append(": ").Append(message);
        if (exception is not null)
        {
            line.AppendLine().Append(exception);
        }

        lock (_lock)
        {
            var writer = WriterFor(now);
            writer.WriteLine(line.ToString());
            writer.Flush();
        }
    }

    private StreamWriter WriterFor(DateTimeOffset now)
    {
        var day = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (_writer is not null && day == _day && _writer.BaseStream.Length < MaxFileBytes)
        {
            return _writer;
        }

        _writer?.Dispose();
        if (day != _day)
        {
            _day = day;
            _part = 0;
        }
        else
        {
            _part++;
        }

        // Skip parts already full from an earlier run of the same day.
        while (new FileInfo(PathFor(day, _part)) is { Exists: true } f && f.Length >= MaxFileBytes)
        {
            _part++;
        }

        CurrentPath = PathFor(day, _part);
        _writer = new StreamWriter(new FileStream(CurrentPath, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        Prune();
        return _writer;
    }

    private string PathFor(string day, int part) => Path.Combine(_directory, part == 0 ? $"{Prefix}{day}.log" : $"{Prefix}{day}.{part}.log");

    private void Prune()
    {
        // Newest first by (day, part) from the name: modification times can tie within one clock tick.
        var files = new DirectoryInfo(_directory).GetFiles(Prefix + "*.log")
            .Select(f => (File: f, Key: KeyOf(f.Name)))
            .Where(f => f.Key is not null)
            .OrderByDescending(f => f.Key!.Value.Day, StringComparer.Ordinal)
            .ThenByDescending(f => f.Key!.Value.Part)
            .ToList();
        foreach (var old in files.Skip(RetainedFiles))
        {
            old.File.Delete();
        }
    }

    private static (string Day, int Part)? KeyOf(string name)
    {
        var parts = name[Prefix.Length..^".log".Length].Split('.');
        return parts switch
        {
            [var day] when day.Length == 8 => (day, 0),
            [var day, var n] when day.Length == 8 && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var part) => (day, part),
            _ => null,
        };
    }
}
