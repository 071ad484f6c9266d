using Maxxit.Sdk.Hyperliquid.RateLimiting;
using Maxxit.Sdk.Hyperliquid.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Maxxit.Sdk.Hyperliquid.Tests.RateLimiting;

public sealed class HyperliquidRateLimiterTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(39, 1)]
    [InlineData(40, 2)]
    [InlineData(79, 2)]
    [InlineData(80, 3)]
    public void Exchange_actions_weigh_one_plus_a_fortieth_of_the_batch(int batch, int weight) =>
        Assert.Equal(weight, HyperliquidWeights.Exchange(batch));

    [Theory]
    [InlineData("l2Book", 2)]
    [InlineData("allMids", 2)]
    [InlineData("clearinghouseState", 2)]
    [InlineData("orderStatus", 2)]
    [InlineData("spotClearinghouseState", 2)]
    [InlineData("exchangeStatus", 2)]
    [InlineData("userRole", 60)]
    [InlineData("meta", 20)]
    [InlineData("metaAndAssetCtxs", 20)]
    [InlineData("openOrders", 20)]
    [InlineData("userFillsByTime", 20)]
    public void Info_requests_weigh_as_the_rate_limit_page_lists(string type, int weight) =>
        Assert.Equal(weight, HyperliquidWeights.Info(type));

    [Theory]
    [InlineData("userFills", 2000, 100)]
    [InlineData("userFillsByTime", 19, 0)]
    [InlineData("historicalOrders", 40, 2)]
    [InlineData("fundingHistory", 500, 25)]
    [InlineData("candleSnapshot", 500, 8)]
    [InlineData("allMids", 230, 0)]
    public void Paged_answers_add_weight_per_items_returned(string type, int items, int extra) =>
        Assert.Equal(extra, HyperliquidWeights.InfoExtra(type, items));

    [Fact]
    public async Task Requests_past_the_budget_wait_for_the_refill_in_arrival_order()
    {
        var time = new FakeTimeProvider();
        var limiter = new HyperliquidRateLimiter(1200, time);
        Assert.Equal(1188, limiter.Burst);
        await limiter.AcquireAsync(1178, CancellationToken.None);

        var first = limiter.AcquireAsync(20, CancellationToken.None).AsTask();
        var second = limiter.AcquireAsync(2, CancellationToken.None).AsTask();

        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Equal(2, limiter.Queued);

        // 20 weight a second: 10 more are needed, so half a second lets the first through and the second right after.
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(first.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.FromMilliseconds(500), await first);
        Assert.False(second.IsCompleted);
        await time.AdvanceUntilAsync(second, TimeSpan.FromMilliseconds(10));
        Assert.Equal(0, limiter.Queued);
    }

    [Fact]
    public async Task Extra_weight_of_a_paged_answer_is_debt_the_next_request_waits_for()
    {
        var time = new FakeTimeProvider();
        var limiter = new HyperliquidRateLimiter(1200, time);
        await limiter.AcquireAsync(1200, CancellationToken.None);
        limiter.Charge(100);

        var next = limiter.AcquireAsync(2, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));

        await next;
        Assert.InRange(limiter.Available, -0.01, 0.01);
    }

    [Fact]
    public async Task A_429_empties_and_pauses_the_bucket_with_a_growing_back_off()
    {
        var time = new FakeTimeProvider();
        var limiter = new HyperliquidRateLimiter(1200, time);

        var firstPause = limiter.OnThrottled();
        var waiting = limiter.AcquireAsync(2, CancellationToken.None).AsTask();
        time.Advance(firstPause - TimeSpan.FromMilliseconds(1));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(2));
        await waiting;
        var secondPause = limiter.OnThrottled();
        limiter.OnSuccess();

        Assert.InRange(firstPause.TotalSeconds, 0.8, 1.2);
        Assert.InRange(secondPause.TotalSeconds, 1.6, 2.4);
        Assert.Equal(0, limiter.ConsecutiveThrottles);
    }

    [Fact]
    public async Task A_cancelled_wait_takes_nothing_and_lets_the_next_request_through()
    {
        var time = new FakeTimeProvider();
        var limiter = new HyperliquidRateLimiter(60, time);
        await limiter.AcquireAsync(60, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var abandoned = limiter.AcquireAsync(30, cancel.Token).AsTask();
        var behind = limiter.AcquireAsync(1, CancellationToken.None).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await time.AdvanceUntilAsync(behind, TimeSpan.FromMilliseconds(50));
        Assert.InRange(limiter.Available, -0.01, 0.01);
    }
}
