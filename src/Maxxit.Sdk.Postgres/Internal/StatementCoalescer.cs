using Npgsql;

namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>
/// Group commit for one kind of statement: requests that arrive while earlier ones are being written are gathered and
/// written together, as one statement (one round trip, one commit, one pass of each statement trigger), by whichever
/// caller finds a free slot. Nothing waits for a timer: a request arriving at an idle store is written at once (after one
/// hop to the thread pool, which lets requests arriving in the same instant join it).
/// </summary>
/// <remarks>
/// <para>
/// A batch never holds two requests that share a key (a signal or position id): each is written as if alone, so its
/// fence and status conditions see exactly what they would have seen one after the other. Such a request waits for the
/// next batch.
/// </para>
/// <para>
/// If the database refuses a batch of several (a constraint, a deadlock), or it fails before it is sent, the statement
/// wrote nothing; each request is then written alone, so that it gets its own answer or its own typed error. A failure
/// of the connection leaves the outcome unknown and is reported to every request of the batch, as it would be to a
/// single one.
/// </para>
/// <para>
/// A caller cancelled while its request waits is answered cancelled and its request dropped; once the request is being
/// written it is answered with the result (a write is never abandoned halfway).
/// </para>
/// </remarks>
internal sealed class StatementCoalescer<TRequest, TResult>
{
    private readonly Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> write;
    private readonly Func<TRequest, PostgresException, Exception?> mapError;
    private readonly Func<TRequest, IEnumerable<Guid>> keys;
    private readonly Func<TRequest, int> rows;
    private readonly int maxRequests;
    private readonly int maxRows;
    private readonly int maxInFlight;
    private readonly Lock gate = new();
    private readonly LinkedList<Pending> queue = new();
    private int inFlight;
    private long statements;
    private long requests;

    /// <param name="write">Writes the requests as one statement; its results in the same order.</param>
    /// <param name="mapError">The typed error of a request written alone that the database refused (null: the original).</param>
    /// <param name="keys">What a request changes; two requests sharing a key are never in one batch.</param>
    /// <param name="rows">How many rows a request writes (a batch stops at <paramref name="maxRows"/> unless it is one request).</param>
    /// <param name="maxRequests">Most requests in one statement (1: no coalescing).</param>
    /// <param name="maxRows">Most rows in one statement.</param>
    /// <param name="maxInFlight">Statements of this kind running at once.</param>
    public StatementCoalescer(
        Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> write,
        Func<TRequest, PostgresException, Exception?> mapError,
        Func<TRequest, IEnumerable<Guid>> keys,
        Func<TRequest, int> rows,
        int maxRequests,
        int maxRows,
        int maxInFlight)
    {
        this.write = write;
        this.mapError = mapError;
        this.keys = keys;
        this.rows = rows;
        this.maxRequests = Math.Max(1, maxRequests);
        this.maxRows = Math.Max(1, maxRows);
        this.maxInFlight = Math.Max(1, maxInFlight);
    }

    /// <summary>Batches written so far (a request written alone after its batch was refused is not counted again).</summary>
    public long Statements => Interlocked.Read(ref statements);

    /// <summary>Requests written so far.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Raised as a statement starts to be written, with its number of requests (tests wait on it).</summary>
    public event Action<int>? Writing;

    /// <summary>Requests waiting for a batch.</summary>
    public int Waiting
    {
        get
        {
            lock (gate)
            {
                return queue.Count;
            }
        }
    }

    /// <summary>Writes <paramref name="request"/>, alone or with others waiting at the same time.</summary>
    public Task<TResult> RunAsync(TRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Keys and size are taken here, on the caller: nothing the drain loop runs under its lock can throw.
        var pending = new Pending(request, [.. keys(request)], rows(request));
        bool start;
        lock (gate)
        {
            pending.Node = queue.AddLast(pending);
            start = inFlight < maxInFlight;
            if (start)
            {
                inFlight++;
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            pending.Registration = cancellationToken.Register(static (state, ct) => ((StatementCoalescer<TRequest, TResult>)((object[])state!)[0]).Cancel((Pending)((object[])state!)[1], ct), new object[] { this, pending });
        }

        if (start)
        {
            _ = DrainAsync();
        }

        return pending.Result.Task;
    }

    private void Cancel(Pending pending, CancellationToken ct)
    {
        lock (gate)
        {
            if (pending.Node?.List is null)
            {
                return;
            }

            queue.Remove(pending.Node);
        }

        pending.Result.TrySetCanceled(ct);
    }

    private async Task DrainAsync()
    {
        // Started on the thread pool, not on the caller's thread: callers answered together by one statement come back
        // together, each with its next request microseconds after the first, and this lets them share the next statement
        // instead of the first going alone (on the 1,000-signal benchmark: about 7 requests a statement instead of 3).
        await Task.Yield();
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                batch = Take();
                if (batch.Count == 0)
                {
                    inFlight--;
                    return;
                }
            }

            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Not expected (every write failure is caught per request), but a loop that died here would stall this
                // kind of statement for good: its callers are answered with the error and the loop goes on.
                foreach (var pending in batch)
                {
                    pending.Error ??= ex;
                    pending.Answer();
                }
            }
        }
    }

    /// <summary>The next batch, oldest first, skipping requests that share a key with one already taken (under the gate).</summary>
    private List<Pending> Take()
    {
        var batch = new List<Pending>();
        HashSet<Guid>? taken = null;
        var total = 0;
        for (var node = queue.First; node is not null && batch.Count < maxRequests;)
        {
            var next = node.Next;
            var pending = node.Value;
            if (batch.Count > 0 && total + pending.Rows > maxRows)
            {
                break;
            }

            taken ??= [];
            if (!pending.Keys.Any(taken.Contains))
            {
                taken.UnionWith(pending.Keys);
                total += pending.Rows;
                queue.Remove(node);
                batch.Add(node.Value);
            }

            node = next;
        }

        return batch;
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        Interlocked.Increment(ref statements);
        Interlocked.Add(ref requests, batch.Count);
        Writing?.Invoke(batch.Count);
        await WriteBatchAsync(batch).ConfigureAwait(false);

        // The callers are answered together by one thread-pool item, in order, each running until its next await: one
        // hop per statement instead of one per request, and this loop goes on to the next statement at once.
        ThreadPool.UnsafeQueueUserWorkItem(static answered => answered.ForEach(p => p.Answer()), batch, preferLocal: false);
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        if (batch.Count == 1)
        {
            await WriteAloneAsync(batch[0]).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<TResult> results;
        try
        {
            results = await write([.. batch.Select(p => p.Request)]).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PostgresException || ex is not (NpgsqlException or OperationCanceledException))
        {
            // Refused whole by the database, or failed before it was sent (a value that cannot be written), so nothing of
            // it was written: each request alone gets its own answer.
            foreach (var pending in batch)
            {
                await WriteAloneAsync(pending).ConfigureAwait(false);
            }

            return;
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Error = ex;
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Outcome = results[i];
        }
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        try
        {
            pending.Outcome = (await write([pending.Request]).ConfigureAwait(false))[0];
        }
        catch (PostgresException ex)
        {
            pending.Error = mapError(pending.Request, ex) ?? ex;
        }
        catch (Exception ex)
        {
            pending.Error = ex;
        }
    }

    private sealed class Pending(TRequest request, Guid[] keys, int rows)
    {
        public TRequest Request { get; } = request;

        public Guid[] Keys { get; } = keys;

        public int Rows { get; } = rows;

        public TaskCompletionSource<TResult> Result { get; } = new();

        public LinkedListNode<Pending>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public TResult? Outcome { get; set; }

        public Exception? Error { get; set; }

        public void Answer()
        {
            Registration.Dispose();
            if (Error is { } error)
            {
                Result.TrySetException(error);
            }
            else
            {
                Result.TrySetResult(Outcome!);
            }
        }
    }
}
