using Maxxit.Sdk.Internal;

namespace Maxxit.Sdk.Tests.Internal;

public sealed class IdsTests
{
    [Fact]
    public void Ids_are_version_4_rfc_variant_and_distinct_across_pool_refills_and_threads()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        Parallel.For(0, 4, _ =>
        {
            // More than one pool's worth per thread, so refills are crossed.
            for (var i = 0; i < 600; i++)
            {
                ids.Add(Ids.NewGuid());
            }
        });

        Assert.Equal(2400, ids.Distinct().Count());
        Assert.All(ids, id =>
        {
            Assert.Equal(4, id.Version);
            Assert.InRange(id.Variant, 0x8, 0xB);
        });
        Assert.DoesNotContain(Guid.Empty, ids);
    }
}
