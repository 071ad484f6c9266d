using Maxxit.Sdk.Agents;

namespace Maxxit.Sample.Api.Dtos;

/// <summary>Agent input weights <c>{x, research}</c>; a missing weight counts as 0.</summary>
public sealed record WeightsDto(decimal? X, decimal? Research)
{
    public AgentWeights ToWeights() => new(X ?? 0m, Research ?? 0m);

    public static WeightsDto From(AgentWeights weights) => new(weights.X, weights.Research);
}
