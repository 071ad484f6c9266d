using Maxxit.Sdk.Postgres.Internal;
using Npgsql;

namespace Maxxit.Sdk.Postgres.Tests.Storage;

/// <summary>
/// The group commit behind the execution statements, with a scripted writer: which requests share a statement, and what
/// each is answered when a statement fails.
/// </summary>
public sealed class StatementCoalescerTests
{
    private readonly List<string[]> written = [];
    private readonly Queue<(TaskCompletionSource Release, TaskCompletionSource Started)> gates = new();
    private Func<string[], Exception?> fail = _ => null;

    [Fact]
    public async Task Requests_arriving_while_a_statement_runs_are_written_together_in_order()
    {
        var coalescer = New(maxInFlight: 1);
        var first = Hold();
        var a = coalescer.RunAsync(new("a"), CancellationToken.None);
        await first.Started;
        var rest = new[] { "b", "c", "d" }.Select(k => coalescer.RunAsync(new(k), CancellationToken.None)).ToArray();
        Assert.Equal(3, coalescer.Waiting);

        first.SetResult();

        Assert.Equal(["a:ok", "b:ok", "c:ok", "d:ok"], await Task.WhenAll([a, .. rest]));
        Assert.Equal([["a"], ["b", "c", "d"]], written);
        Assert.Equal((2L, 4L), (coalescer.Statements, coalescer.Requests));
    }

    [Fact]
    public async Task A_request_sharing_a_key_with_one_in_the_batch_waits_for_the_next()
    {
        var coalescer = New(maxInFlight: 1);
        var first = Hold();
        var a = coalescer.RunAsync(new("a"), CancellationToken.None);
        await first.Started;
        var signal = Guid.NewGuid();
        var b = coalescer.RunAsync(new("b", signal), CancellationToken.None);
        var c = coalescer.RunAsync(new("c", signal), CancellationToken.None);
        var d = coalescer.RunAsync(new("d"), CancellationToken.None);

        first.SetResult();
        await Task.WhenAll(a, b, c, d);

        Assert.Equal([["a"], ["b", "d"], ["c"]], written);
    }

    [Fact]
    public async Task Limits_on_requests_and_rows_split_the_waiting_requests()
    {
        var coalescer = New(maxInFlight: 1, maxRequests: 2, maxRows: 5);
        var first = Hold();
        var tasks = new List<Task<string>> { coalescer.RunAsync(new("a"), CancellationToken.None) };
        await first.Started;
        tasks.AddRange(new[] { ("b", 1), ("c", 1), ("d", 3), ("e", 3), ("f", 9) }.Select(x => coalescer.RunAsync(new(x.Item1) { Rows = x.Item2 }, CancellationToken.None)));

        first.SetResult();
        await Task.WhenAll(tasks);

        // b+c (two requests), d alone (d+e is 6 rows), e alone (e+f is 12), f alone although over the row limit.
        Assert.Equal([["a"], ["b", "c"], ["d"], ["e"], ["f"]], written);
    }

    [Fact]
    public async Task A_statement_the_database_refuses_is_retried_request_by_request_with_each_own_error()
    {
        var coalescer = New(maxInFlight: 1);
        var first = Hold();
        var a = coalescer.RunAsync(new("a"), CancellationToken.None);
        await first.Started;
        var b = coalescer.RunAsync(new("b"), CancellationToken.None);
        var bad = coalescer.RunAsync(new("bad"), CancellationToken.None);
        var c = coalescer.RunAsync(new("c"), CancellationToken.None);
        fail = keys => keys.Contains("bad") ? new PostgresException("insert violates foreign key", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation) : null;

        first.SetResult();

        Assert.Equal("a:ok", await a);
        Assert.Equal("b:ok", await b);
        Assert.Equal("c:ok", await c);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => bad);
        Assert.Equal("mapped bad", error.Message);
        Assert.Equal([["a"], ["b", "bad", "c"], ["b"], ["bad"], ["c"]], written);
    }

    [Fact]
    public async Task A_value_that_cannot_be_written_fails_only_its_own_request()
    {
        var coalescer = New(maxInFlight: 1);
        var first = Hold();
        var a = coalescer.RunAsync(new("a"), CancellationToken.None);
        await first.Started;
        var b = coalescer.RunAsync(new("b"), CancellationToken.None);
        var bad = coalescer.RunAsync(new("bad"), CancellationToken.None);
        fail = keys => keys.Contains("bad") ? new Maxxit.Sdk.Errors.MaxxitValidationException("venue", "is not a venue this store knows") : null;

        first.SetResult();

        Assert.Equal("a:ok", await a);
        Assert.Equal("b:ok", await b);
        Assert.Equal("venue", (await Assert.ThrowsAsync<Maxxit.Sdk.Errors.MaxxitValidationException>(() => bad)).Field);
        Assert.Equal([["a"], ["b", "bad"], ["b"], ["bad"]], written);
    }

    [Fact]
    public async Task A_lost_connection_fails_every_request_of_its_statement_and_none_is_written_again()
    {
        var coalescer = New(maxInFlight: 1);
        var first = Hold();
        var a = coalescer.RunAsync(new("a"), CancellationToken.None);
        await first.Started;
        var b = coalescer.RunAsync(new("b"), CancellationToken.None);
        var c = coalescer.RunAsync(new("c"), CancellationToken.None);
        fail = keys => keys.Length > 1 ? new NpgsqlException("connection reset") : null;

        first.SetResult();

        Assert.Equal("a:ok", await a);
        Assert.Equal("connection reset", (await Assert.ThrowsAsync<NpgsqlException>(() => b)).Message);
        Assert.Equal("connection reset", (await Assert.ThrowsAsync<NpgsqlException>(() => c)).Message);
        Assert.Equal([["a"], ["b", "c"]], written);
    }

    [Fact]
    public async Task A_caller_cancelled_while_waiting_is_dropped_but_one_cancelled_while_written_gets_its_result()
    {
        var coalescer = New(maxInFlight: 1);
        var first = Hold();
        using var cancelA = new CancellationTokenSource();
        using var cancelB = new CancellationTokenSource();
        var a = coalescer.RunAsync(new("a"), cancelA.Token);
        await first.Started;
        var b = coalescer.RunAsync(new("b"), cancelB.Token);
        var c = coalescer.RunAsync(new("c"), CancellationToken.None);

        await cancelA.CancelAsync();
        await cancelB.CancelAsync();
        first.SetResult();

        Assert.Equal("a:ok", await a);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        Assert.Equal("c:ok", await c);
        Assert.Equal([["a"], ["c"]], written);
    }

    [Fact]
    public async Task Up_to_the_in_flight_limit_requests_start_at_once_alone()
    {
        var coalescer = New(maxInFlight: 2);
        var first = Hold();
        var second = Hold();
        var a = coalescer.RunAsync(new("a"), CancellationToken.None);
        await first.Started;
        var b = coalescer.RunAsync(new("b"), CancellationToken.None);
        await second.Started;
        var c = coalescer.RunAsync(new("c"), CancellationToken.None);
        Assert.Equal(1, coalescer.Waiting);

        second.SetResult();
        Assert.Equal("b:ok", await b);
        Assert.Equal("c:ok", await c);
        Assert.False(a.IsCompleted);
        first.SetResult();
        Assert.Equal("a:ok", await a);
        Assert.Equal([["a"], ["b"], ["c"]], written);
    }

    /// <summary>The next statement written signals <see cref="Gate.Started"/> and waits until the gate is opened.</summary>
    private Gate Hold()
    {
        var gate = new Gate(new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gates)
        {
            gates.Enqueue((gate.Release, gate.Entered));
        }

        return gate;
    }

    private StatementCoalescer<Request, string> New(int maxInFlight, int maxRequests = 32, int maxRows = 100) => new(
        async requests =>
        {
            var keys = requests.Select(r => r.Name).ToArray();
            (TaskCompletionSource Release, TaskCompletionSource Started) gate;
            bool held;
            lock (gates)
            {
                written.Add(keys);
                held = gates.TryDequeue(out gate);
            }

            if (held)
            {
                gate.Started.SetResult();
                await gate.Release.Task;
            }

            return fail(keys) is { } ex ? throw ex : [.. keys.Select(k => k + ":ok")];
        },
        (r, _) => new InvalidDataException("mapped " + r.Name),
        r => r.Key is { } key ? [key] : [],
        r => r.Rows,
        maxRequests,
        maxRows,
        maxInFlight);

    private sealed record Request(string Name, Guid? Key = null)
    {
        public int Rows { get; init; } = 1;
    }

    /// <summary>A statement held in the writer: <see cref="Started"/> once it is being written, released by <see cref="SetResult"/>.</summary>
    private sealed record Gate(TaskCompletionSource Release, TaskCompletionSource Entered)
    {
        public Task Started => Entered.Task;

        public void SetResult() => Release.SetResult();
    }
}
