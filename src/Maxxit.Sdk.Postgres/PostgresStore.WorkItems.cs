using Maxxit.Sdk.Positions;
using Maxxit.Sdk.Postgres.Internal;
using Maxxit.Sdk.Storage;

namespace Maxxit.Sdk.Postgres;

/// <summary>The work items of wide fan-outs, shared by several hosts (<see cref="IFanOutWorkStore"/>).</summary>
public sealed partial class PostgresStore : IFanOutWorkStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Position>> ClaimFanOutItemsAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        CheckLease(lease);
        return OnceAsync(async ct =>
        {
            await using var cmd = Command(sql.ClaimFanOutItems);
            cmd.Parameters.Int(max).Interval(lease);
            return await ClaimedOldestFirstAsync(cmd, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Position?> BeginSubmitItemAsync(Guid positionId, long fence, CancellationToken cancellationToken) =>
        OnceAsync(ct => FencedAsync(positionId, "status = 'RESERVED' AND fence = $2", "status = 'SUBMITTED'", p => p.Long(fence), ct), cancellationToken);

    /// <inheritdoc />
    public Task<int> RenewFanOutItemsAsync(IReadOnlyList<Position> items, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        CheckLease(lease);
        if (items.Count == 0)
        {
            return Task.FromResult(0);
        }

        var ids = items.Select(p => p.Id).ToArray();
        var fences = items.Select(p => p.Fence).ToArray();
        return RetriedAsync(async ct =>
        {
            await using var cmd = Command(sql.RenewFanOutItems);
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter<Guid[]> { TypedValue = ids });
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter<long[]> { TypedValue = fences });
            cmd.Parameters.Interval(lease);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
    }
}
