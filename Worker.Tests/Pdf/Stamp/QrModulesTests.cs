using Worker.Pdf.Stamp;

namespace Worker.Tests.Pdf.Stamp;

public class QrModulesTests
{
    [Fact]
    public void Encode_LeavesAFourModuleQuietZone_WhenEncodingAUrl()
    {
        var qr = QrModules.Encode("http://127.0.0.1:5080/verify/3f2a");

        Assert.Equal(0, (qr.Size - 8 - 17) % 4);
        Assert.All(qr.Runs, run =>
        {
            Assert.InRange(run.Column, 4, qr.Size - 5);
            Assert.InRange(run.Column + run.Length, 5, qr.Size - 4);
            Assert.InRange(run.Row, 4, qr.Size - 5);
        });
    }

    [Fact]
    public void Encode_MergesAdjacentDarkModules_WhenARowHasARun()
    {
        var qr = QrModules.Encode("http://127.0.0.1:5080/verify/3f2a");

        // The top finder pattern's first row is one run of seven dark modules.
        Assert.Contains(qr.Runs, run => run.Column == 4 && run.Row == qr.Size - 5 && run.Length == 7);
    }
}
