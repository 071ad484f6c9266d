using System.Diagnostics;
using System.Xml.Linq;

namespace Maxxit.Sdk.Package.Tests;

/// <summary>
/// Packs every src/ project to a local folder, creates a fresh console app outside the solution that takes our packages
/// from that folder only, and runs a routed trade on the embedded default.
/// </summary>
public sealed class ConsumerAppTests
{
    [Fact]
    public async Task A_fresh_app_references_the_packages_and_routes_a_trade()
    {
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("maxxit-consumer-").FullName;
        try
        {
            var feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
            var version = $"0.1.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
            var projects = Directory.GetDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj")).Where(File.Exists).ToList();
            foreach (var project in projects)
            {
                await RunAsync("dotnet", ["pack", project, "-c", "Release", "-o", feed, $"-p:Version={version}", "--nologo"], root);
            }

            var ids = projects.Select(Path.GetFileNameWithoutExtension).ToList();
            foreach (var id in ids)
            {
                Assert.True(File.Exists(Path.Combine(feed, $"{id}.{version}.nupkg")), $"{id} was not packed");
                Assert.True(File.Exists(Path.Combine(feed, $"{id}.{version}.snupkg")), $"{id} has no symbol package");
            }

            var app = Directory.CreateDirectory(Path.Combine(work, "app")).FullName;
            File.WriteAllText(Path.Combine(app, "nuget.config"), NugetConfig(feed));
            File.WriteAllText(Path.Combine(app, "Consumer.csproj"), ConsumerProject(version));
            File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);

            var output = await RunAsync("dotnet", ["run", "--project", Path.Combine(app, "Consumer.csproj")], app);
            Assert.Contains("ETH routed to HYPERLIQUID: HYPERLIQUID: pair available", output);
            Assert.Contains("status EXECUTED", output);

            var assets = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
            Assert.Contains($"Maxxit.Sdk/{version}", assets);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private const string ConsumerProgram = """
        using Maxxit.Sdk;
        using Maxxit.Sdk.Client;
        using Maxxit.Sdk.Signals;
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        services.AddMaxxitV3();
        await using var provider = services.BuildServiceProvider();
        var maxxit = provider.GetRequiredService<IMaxxitClient>();
        var agent = await maxxit.CreateAgentAsync(new() { CreatorWallet = "0x1111111111111111111111111111111111111111", Name = "Consumer" });
        await maxxit.DeployAgentAsync(new() { AgentId = agent.Id, UserWallet = "0x2222222222222222222222222222222222222222" });
        var signal = await maxxit.GenerateSignalAsync(new() { AgentId = agent.Id, TokenSymbol = "ETH", Side = TradeSide.Long, SizeModel = SizeModel.PercentOf(25), RiskModel = RiskModel.Trailing(0.03m), Confidence = 0.85m });
        var result = await maxxit.ExecuteTradeAsync(signal.Id);
        var decision = result.Deployments[0].Routing!;
        Console.WriteLine($"ETH routed to {result.FinalVenue?.Name}: {decision.Reason}; status {result.Status.ToString().ToUpperInvariant()}");
        return result.FinalVenue == Venue.Hyperliquid ? 0 : 1;
        """;

    private static string ConsumerProject(string version) => new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
        new XElement("PropertyGroup",
            new XElement("OutputType", "Exe"),
            new XElement("TargetFramework", "net10.0"),
            new XElement("Nullable", "enable"),
            new XElement("ImplicitUsings", "enable"),
            new XElement("ManagePackageVersionsCentrally", "false")),
        new XElement("ItemGroup",
            new XElement("PackageReference", new XAttribute("Include", "Maxxit.Sdk"), new XAttribute("Version", version)),
            new XElement("PackageReference", new XAttribute("Include", "Microsoft.Extensions.DependencyInjection"), new XAttribute("Version", "10.0.15")))).ToString();

    // Our packages come from the local feed only; everything else from NuGet.
    private static string NugetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="local"><package pattern="Maxxit.*" /></packageSource>
            <packageSource key="nuget.org"><package pattern="*" /></packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Maxxit.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Maxxit.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<string> RunAsync(string file, IReadOnlyList<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The outer `dotnet test` sets MSBuild variables that must not leak into the child builds.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{output}");
        return output;
    }
}
