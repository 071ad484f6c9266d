using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Maxxit.Sample.Console;

/// <summary>Builds the SDK's services for the chosen mode and runs it.</summary>
public static class SampleHost
{
    public static async Task<int> RunAsync(SampleOptions options, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (options.Worker)
        {
            return await WorkerHost.RunAsync(cancellationToken);
        }

        var services = new ServiceCollection();
        services.AddMaxxitV3();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var report = await DemoFlow.RunAsync(provider, console, cancellationToken);
        return report.Succeeded ? 0 : 1;
    }
}
