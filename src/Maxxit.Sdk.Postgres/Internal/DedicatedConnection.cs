using System.Data;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>
/// One connection kept for one kind of coalesced statement while its requests keep coming, so that its prepared
/// statement and cached plan stay on one server session, and no pool checkout or session reset is paid per statement.
/// It goes back to the pool after <see cref="Linger"/> without use, at once when it fails, and when the store is disposed.
/// </summary>
/// <remarks>Used by one statement at a time (its coalescer runs one at a time); a second concurrent use is a bug and throws.</remarks>
internal sealed class DedicatedConnection : IAsyncDisposable
{
    /// <summary>How long an idle connection is kept before it goes back to the pool.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource dataSource;
    private readonly Lock gate = new();
    private readonly ITimer idle;
    private NpgsqlConnection? connection;
    private bool busy;
    private bool disposed;

    public DedicatedConnection(NpgsqlDataSource dataSource, TimeProvider time)
    {
        this.dataSource = dataSource;
        idle = time.CreateTimer(static state => ((DedicatedConnection)state!).ReleaseIfIdle(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Runs <paramref name="use"/> on the kept connection (opened first if there is none, or it broke).</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> use)
    {
        NpgsqlConnection? kept;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (busy)
            {
                throw new InvalidOperationException("a dedicated connection is used by one statement at a time");
            }

            busy = true;
            kept = connection;
            connection = null;
        }

        idle.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            if (kept is not { State: ConnectionState.Open })
            {
                if (kept is not null)
                {
                    await kept.DisposeAsync().ConfigureAwait(false);
                }

                kept = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            }

            var result = await use(kept).ConfigureAwait(false);
            Keep(kept);
            return result;
        }
        catch (PostgresException)
        {
            // The statement failed; the session is fine (an implicit transaction ends with its statement).
            Keep(kept);
            throw;
        }
        catch
        {
            // The connection may be broken or mid-message: never reused.
            if (kept is not null)
            {
                await kept.DisposeAsync().ConfigureAwait(false);
            }

            Keep(null);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection? kept;
        lock (gate)
        {
            disposed = true;
            kept = connection;
            connection = null;
        }

        await idle.DisposeAsync().ConfigureAwait(false);
        if (kept is not null)
        {
            await kept.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Keep(NpgsqlConnection? kept)
    {
        var close = false;
        lock (gate)
        {
            busy = false;
            if (disposed)
            {
                close = true;
            }
            else
            {
                connection = kept;
            }
        }

        if (close)
        {
            kept?.Dispose();
        }
        else if (kept is not null)
        {
            idle.Change(Linger, Timeout.InfiniteTimeSpan);
        }
    }

    private void ReleaseIfIdle()
    {
        NpgsqlConnection? kept;
        lock (gate)
        {
            if (busy)
            {
                return;
            }

            kept = connection;
            connection = null;
        }

        kept?.Dispose();
    }
}
