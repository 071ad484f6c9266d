using System.Text.Json;
using Maxxit.Sample.Api.Cli;

namespace Maxxit.Sample.Api.Tests;

/// <summary>Makes encrypted key triples the way an operator does: through the sample's encrypt-key command.</summary>
public static class KeyTriple
{
    /// <summary>A triple (plus key id) for the venue, bound to the user wallet and agent address.</summary>
    public static Dictionary<string, string> Encrypt(string masterKey, string privateKey, string venue, string userWallet, string agentAddress)
    {
        string[] args = ["--master-key", masterKey, "--venue", venue, "--user-wallet", userWallet, "--agent-address", agentAddress];
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EncryptKeyCommand.Run(args, new StringReader(privateKey + "\n"), stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stdout.ToString())!;
    }
}
