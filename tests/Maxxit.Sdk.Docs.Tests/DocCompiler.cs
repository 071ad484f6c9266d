using System.Collections.Immutable;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Maxxit.Sdk.Docs.Tests;

/// <summary>
/// Compiles a documentation block the way a reader would paste it into a fresh app: a top-level-statements program
/// (or a library when the block only declares types), with a fixed set of global usings and every assembly the SDK
/// and its usual host need.
/// </summary>
public static class DocCompiler
{
    private static readonly string[] FixedUsings =
    [
        "System", "System.Linq", "System.Threading", "System.Threading.Tasks", "System.Collections.Generic",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);
    private static readonly Lazy<SyntaxTree> Usings = new(BuildUsings);

    /// <summary>The global usings every block gets, SDK namespaces included.</summary>
    public static IReadOnlyList<string> GlobalUsings => [.. Usings.Value.GetRoot().DescendantNodes()
        .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.UsingDirectiveSyntax>().Select(u => u.Name!.ToString())];

    /// <summary>Compiles the block; returns the errors and warnings, empty when it compiles cleanly.</summary>
    public static IReadOnlyList<Diagnostic> Compile(CodeBlock block)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(block.Code, parse, path: $"{block.File}:{block.Line}");
        var hasStatements = tree.GetRoot().ChildNodes()
            .Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax);
        var options = new CSharpCompilationOptions(
                hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // A doc example may declare a variable only to show its type; that is not a defect.
                ["CS0168"] = ReportDiagnostic.Suppress,
                ["CS0219"] = ReportDiagnostic.Suppress,
            });
        var compilation = CSharpCompilation.Create(
            "DocBlock", [Usings.Value.WithRootAndOptions(Usings.Value.GetRoot(), parse), tree], References.Value, options);
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        return [.. result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];
    }

    private static SyntaxTree BuildUsings()
    {
        var sdk = Directory.GetFiles(AppContext.BaseDirectory, "Maxxit.Sdk*.dll")
            .SelectMany(PublicNamespaces);
        var all = FixedUsings.Concat(sdk.Order(StringComparer.Ordinal)).Distinct();
        return CSharpSyntaxTree.ParseText(string.Concat(all.Select(n => $"global using {n};\n")), path: "GlobalUsings.cs");
    }

    private static IEnumerable<string> PublicNamespaces(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) yield break;
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var seen = new HashSet<string>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var visibility = type.Attributes & System.Reflection.TypeAttributes.VisibilityMask;
            if (visibility != System.Reflection.TypeAttributes.Public) continue;
            var ns = md.GetString(type.Namespace);
            if (ns.Length > 0 && seen.Add(ns)) yield return ns;
        }
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"));
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
            if (path.Length > 0 && IsManaged(path))
                byName.TryAdd(Path.GetFileName(path), path);
        return [.. byName.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return pe.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
