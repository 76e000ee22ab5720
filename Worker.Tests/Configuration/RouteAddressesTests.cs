using Worker.Configuration;

namespace Worker.Tests.Configuration;

/// <summary>Who hears about a document of a route, and whom an approver should call, as the options answer it.</summary>
public sealed class RouteAddressesTests
{
    private static WorkerOptions Options(string contact) => new()
    {
        Mail = new MailOptions { From = "TTE Sulbar <tte@sulbar.example>" },
        Routes = [new RouteOptions { Name = "surat-keluar", Contact = contact }],
    };

    [Fact]
    public void NotifyAddress_IsTheSubmitter_WhenTheDocumentNamesOne()
    {
        Assert.Equal("clerk@sulbar.example", Options("tu@sulbar.example").NotifyAddress("surat-keluar", "clerk@sulbar.example"));
    }

    [Fact]
    public void NotifyAddress_IsTheRoutesContact_WhenNoSubmitter_MatchingTheRouteNameInAnyCase()
    {
        Assert.Equal("tu@sulbar.example", Options("tu@sulbar.example").NotifyAddress("Surat-Keluar", " "));
    }

    [Fact]
    public void NotifyAddress_IsNobody_WhenTheRouteIsNoLongerConfigured()
    {
        Assert.Equal("", Options("tu@sulbar.example").NotifyAddress("gone", null));
    }

    [Fact]
    public void ContactFor_IsTheRoutesContact_ElseTheSenderAddressWithoutItsName()
    {
        Assert.Equal("tu@sulbar.example", Options("tu@sulbar.example").ContactFor("surat-keluar"));
        Assert.Equal("tte@sulbar.example", Options("").ContactFor("surat-keluar"));
        Assert.Equal("tte@sulbar.example", Options("tu@sulbar.example").ContactFor("gone"));
    }
}
