using System.Security.Cryptography;
using System.Text.Json;
using Maxxit.Sample.Api.Cli;
using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Storage;
using Maxxit.Sdk.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Maxxit.Sample.Api.Tests;

/// <summary><c>rotate-keys</c> on a throwaway PostgreSQL database: old key → new key, then nothing left to do.</summary>
public sealed class RotateKeysCommandTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly string OldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string NewKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task Rotate_keys_reencrypts_stored_keys_under_the_new_master_key()
    {
        Guid deploymentId;
        await using (var before = Host(OldKey))
        {
            var client = before.GetRequiredService<IMaxxitClient>();
            var agent = await client.CreateAgentAsync(new CreateAgentRequest { CreatorWallet = Wallets.Creator, Name = "Rotation" });
            deploymentId = (await client.DeployAgentAsync(new DeployAgentRequest
            {
                AgentId = agent.Id,
                UserWallet = Wallets.User,
                AgentWallets = new Dictionary<Venue, AgentKeyInput> { [Venue.Hyperliquid] = new() { Address = Wallets.HyperliquidAgent, PrivateKey = Wallets.PrivateKey } },
            })).Id;
        }

        var (exit, output, error) = await RunAsync("--postgres", database.ConnectionString, "--master-key", NewKey, "--Maxxit:PreviousMasterKeys:0", OldKey);
        Assert.True(exit == 0, error);
        Assert.Equal(1, output.GetProperty("rotated").GetInt32());
        Assert.True(output.GetProperty("complete").GetBoolean());
        Assert.DoesNotContain(OldKey, error + output, StringComparison.Ordinal);

        var (again, second, _) = await RunAsync("--postgres", database.ConnectionString, "--master-key", NewKey, "--Maxxit:PreviousMasterKeys:0", OldKey);
        Assert.Equal(0, again);
        Assert.Equal(0, second.GetProperty("rotated").GetInt32());
        Assert.Equal(1, second.GetProperty("already_current").GetInt32());

        // The old key can now go: a host with only the new one decrypts the stored key.
        await using var after = Host(NewKey);
        var stored = (await after.GetRequiredService<IDeploymentStore>().GetDeploymentAsync(deploymentId, default))!.AgentWallets[Venue.Hyperliquid].EncryptedKey!;
        Assert.Equal(AesGcmAgentKeyProtector.KeyIdOf(Convert.FromBase64String(NewKey)), stored.KeyId);
        using var plain = after.GetRequiredService<IAgentKeyProtector>().Unprotect(stored);
        Assert.Equal(Convert.FromHexString(Wallets.PrivateKey[2..]), plain.Span.ToArray());
    }

    [Fact]
    public async Task Rotate_keys_needs_a_database()
    {
        var (exit, _, error) = await RunAsync("--master-key", NewKey);
        Assert.Equal(2, exit);
        Assert.Contains("--postgres", error, StringComparison.Ordinal);
    }

    private ServiceProvider Host(string masterKey)
    {
        var services = new ServiceCollection();
        services.AddMaxxitV3(o => o.MasterKey = masterKey).UsePostgres(database.ConnectionString);
        return services.BuildServiceProvider();
    }

    private static async Task<(int Exit, JsonElement Output, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await RotateKeysCommand.RunAsync(args, stdout, stderr);
        var text = stdout.ToString();
        return (exit, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), stderr.ToString());
    }
}
