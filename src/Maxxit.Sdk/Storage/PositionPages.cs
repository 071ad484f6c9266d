using System.Runtime.CompilerServices;
using Maxxit.Sdk.Positions;

namespace Maxxit.Sdk.Storage;

/// <summary>Walks every position in one state, oldest first, one keyset page at a time.</summary>
internal static class PositionPages
{
    public static async IAsyncEnumerable<Position> AllAsync(this IPositionStore store, PositionStatus status, int pageSize, int shard, int shardCount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PositionPageKey? after = null;
        while (true)
        {
            var page = await store.PagePositionsAsync(status, after, pageSize, shard, shardCount, cancellationToken).ConfigureAwait(false);
            foreach (var position in page)
            {
                yield return position;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = PositionPageKey.After(page[^1]);
        }
    }
}
