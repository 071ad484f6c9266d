using Maxxit.Sdk.Sources;
using Maxxit.Sdk.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Maxxit.Sdk.Tests.Workers;

public sealed class WorkerRegistrationTests
{
    [Fact]
    public void AddSignalWorker_registers_the_hosted_worker_and_offline_source_defaults()
    {
        using var sp = TestServices.Build(b => b.AddSignalWorker());
        var hosted = Assert.Single(sp.GetServices<IHostedService>().OfType<SignalWorker>());
        Assert.Same(sp.GetRequiredService<SignalWorker>(), hosted);
        Assert.IsType<InMemoryXPostSource>(sp.GetRequiredService<IXPostSource>());
        Assert.IsType<InMemoryResearchSource>(sp.GetRequiredService<IResearchSource>());
        Assert.IsType<CatalogMarketContextProvider>(sp.GetRequiredService<IMarketContextProvider>());
        Assert.IsType<CatalogTokenMentionExtractor>(sp.GetRequiredService<ITokenMentionExtractor>());
    }

    [Fact]
    public void AddXSource_and_AddResearchFeed_replace_the_in_memory_sources()
    {
        using var sp = TestServices.Build(b => b
            .AddSignalWorker()
            .AddXSource(o => o.BearerToken = "t")
            .AddResearchFeed(o => o.BaseAddress = new Uri("http://127.0.0.1:9/feed")));
        Assert.IsType<XApiClient>(sp.GetRequiredService<IXPostSource>());
        Assert.IsType<HttpResearchFeedClient>(sp.GetRequiredService<IResearchSource>());
    }

    [Theory]
    [InlineData("Interval")]
    [InlineData("ResumePendingSignals")]
    [InlineData("MaxItemAge")]
    public void Bad_worker_options_fail_naming_the_option(string option)
    {
        using var sp = TestServices.Build(b => b.AddSignalWorker(o =>
        {
            switch (option)
            {
                case "Interval": o.Interval = TimeSpan.FromMilliseconds(10); break;
                case "ResumePendingSignals": o.ResumePendingSignals = -1; break;
                default: o.MaxItemAge = TimeSpan.Zero; break;
            }
        }));
        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<SignalWorkerOptions>>().Value);
        Assert.Contains(option + ":", error.Message);
    }

    [Fact]
    public void Bad_x_options_fail_naming_the_option_and_never_echo_the_token()
    {
        using var sp = TestServices.Build(b => b.AddSignalWorker().AddXSource(o => (o.BearerToken, o.PageSize, o.MaxPages) = ("secret-token-9", 500, 0)));
        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IXPostSource>());
        Assert.Contains("PageSize:", error.Message);
        Assert.Contains("MaxPages:", error.Message);
        Assert.DoesNotContain("secret-token-9", error.Message);

        using var none = TestServices.Build(b => b.AddSignalWorker().AddXSource(_ => { }));
        Assert.Contains("BearerToken: is required", Assert.Throws<OptionsValidationException>(() => none.GetRequiredService<IXPostSource>()).Message);
    }
}
