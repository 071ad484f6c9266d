using Maxxit.Sample.Api.Dtos;
using Maxxit.Sample.Api.Http;
using Maxxit.Sample.Api.Security;
using Maxxit.Sdk;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Client;
using Maxxit.Sdk.Errors;
using Maxxit.Sdk.Security;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sample.Api.Endpoints;

/// <summary><c>POST /api/v3/agents/deploy</c> and <c>PUT /api/v3/deployments/{id}/policy</c>.</summary>
public static class DeploymentEndpoints
{
    public static void MapDeploymentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v3/agents/deploy", DeployAsync)
            .WithTags("Deployments")
            .WithName("DeployAgent")
            .WithSummary("Deploy an agent to a user wallet (one deployment per agent and wallet)")
            .Accepts<DeployAgentBody>("application/json")
            .Produces<DeploymentResponse>(StatusCodes.Status201Created)
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound)
            .Produces<ErrorResponse>(StatusCodes.Status409Conflict);
        app.MapPut("/api/v3/deployments/{id}/policy", UpdatePolicyAsync)
            .WithTags("Deployments")
            .WithName("UpdateDeploymentPolicy")
            .WithSummary("Replace a deployment's policy (a JSON null body clears it: pass-through)")
            .Accepts<PolicyDto>("application/json")
            .Produces<DeploymentResponse>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> DeployAsync(HttpContext http, IMaxxitClient client, WalletSignatureVerifier signatures, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DeployAgentBody>(http, cancellationToken);
        await signatures.RequireAsync(http, body.UserWallet, cancellationToken);
        var wallets = new Dictionary<Venue, AgentKeyInput>();
        AddWallet(wallets, Venue.Hyperliquid, body.HyperliquidAgentAddress, body.HyperliquidAgentKeyEncrypted, body.HyperliquidAgentKeyIv, body.HyperliquidAgentKeyTag, body.HyperliquidAgentKeyId);
        AddWallet(wallets, Venue.Ostium, body.OstiumAgentAddress, body.OstiumAgentKeyEncrypted, body.OstiumAgentKeyIv, body.OstiumAgentKeyTag, body.OstiumAgentKeyId);
        foreach (var (name, wallet) in body.AgentWallets ?? [])
        {
            var field = $"agent_wallets.{name}";
            var venue = Venue.Parse(name, field);
            if (!venue.IsConcrete)
            {
                throw new MaxxitValidationException(field, "MULTI is not a venue an agent wallet can trade on");
            }

            if (wallets.ContainsKey(venue))
            {
                throw new MaxxitValidationException(field, $"{venue} is given twice (here and in its {venue.Name.ToLowerInvariant()}_agent_* fields, or under another spelling)");
            }

            if (wallet is null)
            {
                throw new MaxxitValidationException(field, "must be an object with the agent wallet's address");
            }

            AddWallet(wallets, venue, wallet.Address, wallet.KeyEncrypted, wallet.KeyIv, wallet.KeyTag, wallet.KeyId, field + ".");
            if (!wallets.ContainsKey(venue))
            {
                throw new MaxxitValidationException(field + ".address", "is required");
            }
        }

        var deployment = await client.DeployAgentAsync(
            new DeployAgentRequest { AgentId = body.AgentId, UserWallet = body.UserWallet, AgentWallets = wallets, Policy = body.Policy?.ToPolicy() },
            cancellationToken);
        return TypedResults.Json(new DeploymentResponse(true, DeploymentDto.From(deployment)), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdatePolicyAsync(
        string id, HttpContext http, IMaxxitClient client, IDeploymentStore deployments, WalletSignatureVerifier signatures, CancellationToken cancellationToken)
    {
        var deploymentId = QueryValues.Id(id, "deployment_id");
        var body = await JsonBody.ReadOrNullAsync<PolicyDto>(http, cancellationToken);
        if (signatures.Enabled)
        {
            var owner = await deployments.GetDeploymentAsync(deploymentId, cancellationToken)
                ?? throw new MaxxitNotFoundException("deployment", deploymentId.ToString(), "deployment_id");
            await signatures.RequireAsync(http, owner.UserWallet, cancellationToken);
        }

        // The policy body is the policy itself: its fields are named as in the body (min_confidence), see ApiFieldNames.
        var deployment = await client.UpdateDeploymentPolicyAsync(deploymentId, body?.ToPolicy(), cancellationToken);
        return TypedResults.Json(new DeploymentResponse(true, DeploymentDto.From(deployment)));
    }

    /// <summary>
    /// Gathers a venue's triple, refusing a partial one naming the exact field (<c>hyperliquid_agent_key_tag</c>,
    /// <c>agent_wallets.DYDX.key_tag</c>, …).
    /// Whether it decrypts is the SDK's to check, with one error for every failure: this endpoint never tells a caller
    /// whether a triple decrypts under the host's master key.
    /// </summary>
    private static void AddWallet(Dictionary<Venue, AgentKeyInput> wallets, Venue venue, string? address, string? ciphertext, string? iv, string? tag, string? keyId, string? prefix = null)
    {
        prefix ??= $"{venue.Name.ToLowerInvariant()}_agent_";
        if (address is null && ciphertext is null && iv is null && tag is null && keyId is null)
        {
            return;
        }

        EncryptedSecret? secret = null;
        if (ciphertext is not null || iv is not null || tag is not null || keyId is not null)
        {
            Require(ciphertext, prefix + "key_encrypted");
            Require(iv, prefix + "key_iv");
            Require(tag, prefix + "key_tag");
            Require(keyId, prefix + "key_id");
            secret = new EncryptedSecret(ciphertext!, iv!, tag!) { KeyId = keyId };
        }

        wallets[venue] = new AgentKeyInput { Address = address, EncryptedKey = secret };
    }

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new MaxxitValidationException(field, "is required with the other parts of the encrypted key (ciphertext, iv, tag and key id go together)");
        }
    }
}
