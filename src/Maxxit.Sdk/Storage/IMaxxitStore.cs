namespace Maxxit.Sdk.Storage;

/// <summary>
/// The whole store contract. The embedded in-memory store and the Postgres store implement it; the same contract test
/// suite runs against both.
/// </summary>
public interface IMaxxitStore : IAgentStore, IDeploymentStore, ISignalStore, IExecutionStore, IPositionStore, IRoutingStore, IStatsStore
{
}
