using System.Text.Json;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Security;

namespace Maxxit.Sample.Api.Cli;

/// <summary>
/// <c>rotate-keys --postgres "&lt;conn&gt;"</c>: re-encrypts every stored agent key under the current master key
/// (Maxxit__MasterKey / --master-key), decrypting with it or with a previous one (Maxxit__PreviousMasterKeys__0, …), and
/// binds legacy keys to their owner. Prints the counts as JSON; exit code 0 when every key is now current, 1 otherwise.
/// </summary>
public static class RotateKeysCommand
{
    public const string Name = "rotate-keys";

    public const string Usage =
        "usage: Maxxit__MasterKey=<new key> Maxxit__PreviousMasterKeys__0=<old key> dotnet run --project samples/Maxxit.Sample.Api -- rotate-keys --postgres \"<conn>\"";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
            var settings = ApiSettings.From(configuration);
            if (settings.PostgresConnectionString is not { } connectionString)
            {
                throw new ApiStartupException("--postgres \"<connection string>\" is required: rotation rewrites the stored keys");
            }

            var services = new ServiceCollection();
            services.AddMaxxitV3(settings.ApplyTo).UsePostgres(connectionString);
            await using var provider = services.BuildServiceProvider();
            var result = await provider.GetRequiredService<AgentKeyRotator>().RotateAsync(cancellationToken);
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                current_key_id = provider.GetRequiredService<IAgentKeyProtector>().CurrentKeyId,
                rotated = result.Rotated,
                already_current = result.AlreadyCurrent,
                undecryptable = result.Undecryptable,
                changed = result.Changed,
                complete = result.Complete,
            }, new JsonSerializerOptions { WriteIndented = true }));
            return result.Complete ? 0 : 1;
        }
        catch (Exception ex) when (ex is ApiStartupException or MaxxitValidationException)
        {
            stderr.WriteLine($"{Name}: {ex.Message}");
            stderr.WriteLine(Usage);
            return 2;
        }
    }
}
