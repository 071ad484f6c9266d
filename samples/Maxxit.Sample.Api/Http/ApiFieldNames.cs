using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Maxxit.Sdk.Agents;
using Maxxit.Sdk.Policies;

namespace Maxxit.Sample.Api.Http;

/// <summary>
/// The one table from the SDK's C# member paths (<c>GenerateSignalRequest.RiskModel.Stop</c>) to this API's snake_case
/// request fields (<c>risk_model.stop</c>). A path the table does not know (a store's column name such as
/// <c>agent_id</c>, a field this layer named itself) is answered as it is.
/// </summary>
public static partial class ApiFieldNames
{
    private static readonly Dictionary<string, string> Fields = new(PolicyFields(), StringComparer.Ordinal)
    {
        // POST /api/v3/agents/create and GET /api/v3/agents/list
        ["CreateAgentRequest.CreatorWallet"] = "creator_wallet",
        ["CreateAgentRequest.Name"] = "name",
        ["CreateAgentRequest.XAccountIds"] = "x_account_ids",
        ["CreateAgentRequest.ResearchInstituteIds"] = "research_institute_ids",
        ["CreateAgentRequest.Weights"] = "weights",
        ["CreateAgentRequest.Weights.X"] = "weights.x",
        ["CreateAgentRequest.Weights.Research"] = "weights.research",
        ["CreateAgentRequest.ProfitReceiverAddress"] = "profit_receiver_address",
        ["CreateAgentRequest.Status"] = "status",
        ["AgentQuery.CreatorWallet"] = "creator_wallet",

        // POST /api/v3/agents/deploy, PUT /api/v3/deployments/{id}/policy (agent wallets: see AgentWalletPath below)
        ["DeployAgentRequest.AgentId"] = "agent_id",
        ["DeployAgentRequest.UserWallet"] = "user_wallet",
        ["deploymentId"] = "deployment_id",

        // POST /api/v3/signals/generate: the request, and the flat size/risk forms the body is read into
        ["GenerateSignalRequest.AgentId"] = "agent_id",
        ["GenerateSignalRequest.TokenSymbol"] = "token_symbol",
        ["GenerateSignalRequest.Side"] = "side",
        ["GenerateSignalRequest.SizeModel"] = "size_model",
        ["GenerateSignalRequest.SizeModel.Value"] = "size_model.value",
        ["GenerateSignalRequest.RiskModel"] = "risk_model",
        ["GenerateSignalRequest.RiskModel.Stop"] = "risk_model.stop",
        ["GenerateSignalRequest.RiskModel.TakeProfit"] = "risk_model.take_profit",
        ["GenerateSignalRequest.RiskModel.Target"] = "risk_model.take_profit",
        ["GenerateSignalRequest.RiskModel.StopLoss"] = "risk_model.stop_loss",
        ["GenerateSignalRequest.Confidence"] = "confidence",
        ["GenerateSignalRequest.Reasoning"] = "reasoning",
        ["GenerateSignalRequest.SourceTweets"] = "source_tweets",
        ["GenerateSignalRequest.SourceResearch"] = "source_research",
        ["SizeModelForm.Type"] = "size_model.type",
        ["SizeModelForm.Value"] = "size_model.value",
        ["RiskModelForm.Type"] = "risk_model.type",
        ["RiskModelForm.Stop"] = "risk_model.stop",
        ["RiskModelForm.TakeProfit"] = "risk_model.take_profit",
        ["RiskModelForm.StopLoss"] = "risk_model.stop_loss",

        // POST /api/v3/execute/trade, POST /api/v3/positions/{id}/close
        ["signalId"] = "signal_id",
        ["positionId"] = "position_id",

        // GET /api/v3/stats/routing-history, routing config
        ["RoutingHistoryQuery.Limit"] = "limit",
        ["RoutingHistoryQuery.TokenSymbol"] = "token_symbol",
        ["RoutingConfig.VenuePriority"] = "venue_priority",
        ["RoutingConfig.Strategy"] = "routing_strategy",
    };

    // DeployAgentRequest.AgentWallets[OSTIUM].EncryptedKey.Tag -> the deploy body's per-venue field ostium_agent_key_tag.
    private static readonly Dictionary<string, string> AgentWalletMembers = new(StringComparer.Ordinal)
    {
        [""] = "agent_wallets",
        [".Address"] = "{0}_agent_address",
        [".PrivateKey"] = "{0}_agent_key",
        [".EncryptedKey"] = "{0}_agent_key_encrypted",
        [".EncryptedKey.Ciphertext"] = "{0}_agent_key_encrypted",
        [".EncryptedKey.Iv"] = "{0}_agent_key_iv",
        [".EncryptedKey.Tag"] = "{0}_agent_key_tag",
        [".EncryptedKey.KeyId"] = "{0}_agent_key_id",
    };

    /// <summary>
    /// The policy's members, named as the policy body names them (its JSON naming): <c>DeploymentPolicy.MaxLeverage</c> is
    /// <c>max_leverage</c> in <c>PUT /api/v3/deployments/{id}/policy</c>, <c>policy.max_leverage</c> in the deploy body.
    /// </summary>
    private static Dictionary<string, string> PolicyFields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in typeof(DeploymentPolicy).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            fields[$"{nameof(DeploymentPolicy)}.{property.Name}"] = name;
            fields[$"{nameof(DeployAgentRequest)}.{nameof(DeployAgentRequest.Policy)}.{property.Name}"] = "policy." + name;
        }

        return fields;
    }

    /// <summary>This API's name for the SDK member path <paramref name="memberPath"/>; the path itself when the table has no entry.</summary>
    public static string? Of(string? memberPath)
    {
        if (memberPath is null)
        {
            return null;
        }

        if (Fields.TryGetValue(memberPath, out var field))
        {
            return field;
        }

        var wallet = AgentWalletPath().Match(memberPath);
        if (wallet.Success && AgentWalletMembers.TryGetValue(wallet.Groups["member"].Value, out var pattern))
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, wallet.Groups["venue"].Value.ToLowerInvariant());
        }

        return memberPath;
    }

    [GeneratedRegex(@"^DeployAgentRequest\.AgentWallets\[(?<venue>[A-Za-z0-9_]+)\](?<member>.*)$")]
    private static partial Regex AgentWalletPath();
}
