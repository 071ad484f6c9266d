using Microsoft.CodeAnalysis;

namespace Maxxit.Sdk.Docs.Tests;

public sealed class DocCodeBlockTests
{
    // File and line, not the block itself, so each block is its own named test case ("docs/x.md", 42).
    public static TheoryData<string, int> CSharpBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var block in MarkdownCodeBlocks.All().Where(b => b.Language == MarkdownCodeBlocks.CSharp))
            data.Add(block.File, block.Line);
        return data;
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void Csharp_block_compiles(string file, int line)
    {
        var block = MarkdownCodeBlocks.Read(file).Single(b => b.Line == line);

        var diagnostics = DocCompiler.Compile(block);

        Assert.True(diagnostics.Count == 0,
            $"{file}:{line} does not compile:\n" + string.Join('\n', diagnostics.Select(Describe)));
    }

    [Fact]
    public void Every_block_is_either_compiled_or_in_a_known_other_language()
    {
        var unknown = MarkdownCodeBlocks.All()
            .Where(b => b.Language != MarkdownCodeBlocks.CSharp && !MarkdownCodeBlocks.NotCompiled.Contains(b.Language))
            .Select(b => $"{b.File}:{b.Line} ```{b.Language}")
            .ToList();

        Assert.True(unknown.Count == 0,
            "Blocks with no language or an unknown one (mark C# as csharp, everything else as one of "
            + string.Join(", ", MarkdownCodeBlocks.NotCompiled) + "):\n" + string.Join('\n', unknown));
    }

    [Fact]
    public void Docs_have_csharp_blocks_in_the_readme_and_in_docs()
    {
        var blocks = MarkdownCodeBlocks.All().Where(b => b.Language == MarkdownCodeBlocks.CSharp).ToList();

        Assert.Contains(blocks, b => b.File == "README.md");
        Assert.Contains(blocks, b => b.File.StartsWith("docs/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_compiler_rejects_a_broken_block()
    {
        // Guards the harness itself: if references or usings were wrong in a way that hid errors, this would pass.
        var broken = new CodeBlock("test", 1, "csharp", "IMaxxitClient c = 42;");
        var good = new CodeBlock("test", 1, "csharp",
            "var services = new ServiceCollection();\nservices.AddMaxxitV3();\nIMaxxitClient? c = null;\nConsole.WriteLine(c);");

        Assert.Contains(DocCompiler.Compile(broken), d => d.Id == "CS0029");
        Assert.Empty(DocCompiler.Compile(good));
    }

    [Fact]
    public void Declarations_only_block_compiles_as_a_library()
    {
        var block = new CodeBlock("test", 1, "csharp", "public sealed class OnlyATypeDeclaration { }");

        Assert.Empty(DocCompiler.Compile(block));
    }

    [Fact]
    public void Every_doc_is_linked_from_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(MarkdownCodeBlocks.RepositoryRoot, "README.md"));
        var missing = MarkdownCodeBlocks.Files().Where(f => f != "README.md" && !readme.Contains($"]({f})")).ToList();

        Assert.True(missing.Count == 0, "README.md does not link: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_relative_link_in_the_docs_points_to_an_existing_file()
    {
        var broken = new List<string>();
        foreach (var file in MarkdownCodeBlocks.Files())
        {
            var text = File.ReadAllText(Path.Combine(MarkdownCodeBlocks.RepositoryRoot, file));
            var folder = Path.GetDirectoryName(Path.Combine(MarkdownCodeBlocks.RepositoryRoot, file))!;
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"\]\(([^)#\s]+)(#[^)]*)?\)"))
            {
                var target = m.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                if (!File.Exists(Path.Combine(folder, target)) && !Directory.Exists(Path.Combine(folder, target)))
                    broken.Add($"{file}: {target}");
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"  block line {span.StartLinePosition.Line + 1}: {d.Id} {d.GetMessage()}";
    }
}
