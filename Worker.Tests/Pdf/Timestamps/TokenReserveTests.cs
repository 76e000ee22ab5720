using Worker.Pdf.Timestamps;

namespace Worker.Tests.Pdf.Timestamps;

public class TokenReserveTests
{
    [Fact]
    public void Bytes_IsZero_BeforeAnyToken()
    {
        Assert.Equal(0, new TokenReserve().Bytes);
    }

    [Fact]
    public void Bytes_FollowsTheLargestTokenPlusTheMargin_WhenTokensOfSeveralSizesArrive()
    {
        var reserve = new TokenReserve();

        reserve.Record(1_500);
        reserve.Record(9_000);
        reserve.Record(4_000);

        Assert.Equal(9_000, reserve.LargestToken);
        Assert.Equal(9_000 + TokenReserve.MarginBytes, reserve.Bytes);
    }

    [Fact]
    public async Task BytesAsync_ProbesOnce_WhenCalledConcurrently()
    {
        var reserve = new TokenReserve();
        var probes = 0;
        async Task Probe(CancellationToken ct)
        {
            Interlocked.Increment(ref probes);
            await Task.Delay(50, ct);
            reserve.Record(2_000);
        }

        var sizes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => reserve.BytesAsync(Probe, CancellationToken.None)));

        Assert.Equal(1, probes);
        Assert.All(sizes, size => Assert.Equal(2_000 + TokenReserve.MarginBytes, size));
    }

    [Fact]
    public async Task BytesAsync_ProbesAgain_WhenTheFirstProbeFailed()
    {
        var reserve = new TokenReserve();

        await Assert.ThrowsAsync<TimestampException>(() => reserve.BytesAsync(_ => throw new TimestampException("TSA down"), CancellationToken.None));
        var size = await reserve.BytesAsync(_ => { reserve.Record(1_000); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(1_000 + TokenReserve.MarginBytes, size);
    }
}
