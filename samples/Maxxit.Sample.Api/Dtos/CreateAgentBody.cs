using Maxxit.Sdk.Agents;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>Body of <c>POST /api/v3/agents/create</c>.</summary>
public sealed record CreateAgentBody
{
    public string? CreatorWallet { get; init; }

    public string? Name { get; init; }

    public List<string>? XAccountIds { get; init; }

    public List<string>? ResearchInstituteIds { get; init; }

    public WeightsDto? Weights { get; init; }

    public string? ProfitReceiverAddress { get; init; }

    public AgentStatus? Status { get; init; }

    public CreateAgentRequest ToRequest() => new()
    {
        CreatorWallet = CreatorWallet,
        Name = Name,
        XAccountIds = XAccountIds,
        ResearchInstituteIds = ResearchInstituteIds,
        Weights = Weights?.ToWeights(),
        ProfitReceiverAddress = ProfitReceiverAddress,
        Status = Status,
    };
}
