using Worker.Pdf.Checking;

namespace Worker.Tests.Pdf.Checking;

public class ParseSlotsTests
{
    [Fact]
    public async Task TryEnterAsync_ReturnsNull_WhenEverySlotIsTaken()
    {
        var slots = new ParseSlots(2);
        using var first = await slots.TryEnterAsync(CancellationToken.None);
        using var second = await slots.TryEnterAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(await slots.TryEnterAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Dispose_FreesTheSlotOnce_WhenCalledTwice()
    {
        var slots = new ParseSlots(1);
        var slot = await slots.TryEnterAsync(CancellationToken.None);
        slot!.Dispose();
        slot.Dispose();

        using var again = await slots.TryEnterAsync(CancellationToken.None);
        Assert.NotNull(again);
        Assert.Null(await slots.TryEnterAsync(CancellationToken.None));
    }
}
