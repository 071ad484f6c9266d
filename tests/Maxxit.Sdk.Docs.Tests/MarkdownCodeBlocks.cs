namespace Maxxit.Sdk.Docs.Tests;

/// <summary>Finds the documentation files and the fenced code blocks in them.</summary>
public static class MarkdownCodeBlocks
{
    /// <summary>The languages whose blocks are compiled.</summary>
    public const string CSharp = "csharp";

    /// <summary>Info strings a block may carry without being compiled. Anything else fails, so nothing is skipped silently.</summary>
    public static readonly IReadOnlySet<string> NotCompiled =
        new HashSet<string>(StringComparer.Ordinal) { "bash", "json", "sql", "text", "http", "xml" };

    private static string? _root;

    /// <summary>The repository root: the first parent of the test's output folder that holds Maxxit.Sdk.sln.</summary>
    public static string RepositoryRoot => _root ??= FindRoot();

    /// <summary>README.md and docs/*.md, as paths relative to the repository root with forward slashes.</summary>
    public static IReadOnlyList<string> Files()
    {
        var files = new List<string> { "README.md" };
        var docs = Path.Combine(RepositoryRoot, "docs");
        files.AddRange(Directory.GetFiles(docs, "*.md")
            .Select(f => "docs/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal));
        return files;
    }

    /// <summary>Every fenced block of every documentation file.</summary>
    public static IEnumerable<CodeBlock> All() => Files().SelectMany(Read);

    /// <summary>The fenced blocks of one file. An unterminated fence is an error, not an end of file.</summary>
    public static IEnumerable<CodeBlock> Read(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot, file));
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (!trimmed.StartsWith("```", StringComparison.Ordinal)) continue;
            var indent = lines[i].Length - trimmed.Length;
            var language = trimmed[3..].Trim();
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                // List-nested blocks are indented; strip the fence's indent so the code is what a reader copies.
                var line = lines[i];
                var strip = Math.Min(indent, line.Length - line.TrimStart().Length);
                body.Add(line[strip..]);
            }
            if (i >= lines.Length)
                throw new InvalidDataException($"{file}:{start + 1}: code fence is never closed.");
            yield return new CodeBlock(file, start + 1, language, string.Join('\n', body));
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Maxxit.Sdk.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No Maxxit.Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
