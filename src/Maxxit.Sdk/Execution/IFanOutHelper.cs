namespace Maxxit.Sdk.Execution;

/// <summary>
/// Lets a host help with other hosts' wide fan-outs (copy trading: one signal, thousands of followers): it claims a chunk
/// of a signal's reserved, unsent orders and places them itself, while the signal's owner places the rest and completes
/// the signal once every order has its outcome. Implemented by <see cref="TradeExecutor"/> on a store that shares work
/// items (<see cref="Storage.IFanOutWorkStore"/>); <see cref="Workers.SignalWorker"/> calls it each cycle.
/// </summary>
public interface IFanOutHelper
{
    /// <summary>
    /// Claims up to <paramref name="maxItems"/> reserved orders of signals being executed (by any host), places them
    /// through this host's venue gates and records their outcomes under each order's own fence. One execution per order
    /// claimed; an order taken over by another host meanwhile is reported as <see cref="DeploymentOutcome.ClaimLost"/> and
    /// was not sent by this host. Empty when there is nothing to help with (or the store does not share work items).
    /// </summary>
    Task<IReadOnlyList<DeploymentExecution>> HelpWithFanOutsAsync(int maxItems, CancellationToken cancellationToken);
}
