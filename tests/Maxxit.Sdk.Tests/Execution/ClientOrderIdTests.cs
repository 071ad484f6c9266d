using Maxxit.Sdk.Execution;

namespace Maxxit.Sdk.Tests.Execution;

public sealed class ClientOrderIdTests
{
    [Fact]
    public void Same_inputs_same_id_and_any_change_gives_another()
    {
        var s = Guid.NewGuid();
        var d = Guid.NewGuid();
        var id = ClientOrderId.For(s, d, ClientOrderId.Open);
        Assert.Matches("^0x[0-9a-f]{32}$", id);
        Assert.Equal(id, ClientOrderId.For(s, d, ClientOrderId.Open));
        Assert.NotEqual(id, ClientOrderId.For(s, d, ClientOrderId.Close));
        Assert.NotEqual(id, ClientOrderId.For(d, s, ClientOrderId.Open));
        Assert.NotEqual(id, ClientOrderId.For(s, Guid.NewGuid(), ClientOrderId.Open));
    }
}
