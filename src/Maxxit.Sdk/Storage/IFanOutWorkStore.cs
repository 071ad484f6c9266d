using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>
/// The work items of a wide fan-out, shared by several hosts. A signal whose orders do not fit in one venue gate is
/// reserved RESERVED; each such position is one work item, holding everything its order needs (venue, token, side, size
/// percent, final leverage, client order id; the risk model is the signal's). Any host may claim a chunk of them while
/// the signal's owner places the rest: a claim raises the position's own fence and gives it its own lease, so the owner
/// (<see cref="IExecutionStore.BeginSubmitAsync"/>) and every other host are refused it until that lease lapses.
/// </summary>
public interface IFanOutWorkStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> RESERVED positions of EXECUTING signals whose own lease is unset or has lapsed,
    /// oldest first, skipping rows other hosts hold (Postgres: <c>FOR UPDATE SKIP LOCKED</c>, leases judged by the
    /// database's clock): each stays RESERVED with its fence raised by one and a lease until now + <paramref name="lease"/>.
    /// The claimer writes every later change under the returned position's <see cref="Position.Fence"/>.
    /// </summary>
    Task<IReadOnlyList<Position>> ClaimFanOutItemsAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a claimed work item SUBMITTED right before its order is sent: only while it is still RESERVED under
    /// <paramref name="fence"/> (nobody took it over since). Null, and nothing written, otherwise: its order must then not be sent.
    /// </summary>
    Task<Position?> BeginSubmitItemAsync(Guid positionId, long fence, CancellationToken cancellationToken);

    /// <summary>
    /// Renews the leases of claimed work items whose orders are out (the helper's heartbeat), so that a slow venue does
    /// not hand an order this host sent to another host: each item still SUBMITTED under the <see cref="Position.Fence"/>
    /// given gets a lease until now + <paramref name="lease"/>. Items not sent yet are not renewed: when this host is slow
    /// to send them, their leases lapse and a faster host takes them. Items taken over or finished are left as they are.
    /// </summary>
    /// <returns>How many items were renewed.</returns>
    Task<int> RenewFanOutItemsAsync(IReadOnlyList<Position> items, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);
}
