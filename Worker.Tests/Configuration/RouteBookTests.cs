using Worker.Configuration;

namespace Worker.Tests.Configuration;

/// <summary>Route lookup, who hears about a document of a route, and whom an approver should call, as the route book answers it.</summary>
public sealed class RouteBookTests
{
    private static RouteBook Book(string contact) => new(new WorkerOptions
    {
        Mail = new MailOptions { From = "TTE Sulbar <tte@sulbar.example>" },
        Routes = [new RouteOptions { Name = "surat-keluar", Contact = contact }],
    });

    [Fact]
    public void Find_MatchesTheRouteNameInAnyCase_AndIsNull_WhenNoneHasIt()
    {
        var book = Book("tu@sulbar.example");
        Assert.Same(book.All[0], book.Find("SURAT-keluar"));
        Assert.Null(book.Find("surat-masuk"));
    }

    [Fact]
    public void NotifyAddress_IsTheSubmitter_WhenTheDocumentNamesOne()
    {
        Assert.Equal("clerk@sulbar.example", Book("tu@sulbar.example").NotifyAddress("surat-keluar", "clerk@sulbar.example"));
    }

    [Fact]
    public void NotifyAddress_IsTheRoutesContact_WhenNoSubmitter_MatchingTheRouteNameInAnyCase()
    {
        Assert.Equal("tu@sulbar.example", Book("tu@sulbar.example").NotifyAddress("Surat-Keluar", " "));
    }

    [Fact]
    public void NotifyAddress_IsNobody_WhenTheRouteIsNoLongerConfigured()
    {
        Assert.Equal("", Book("tu@sulbar.example").NotifyAddress("gone", null));
    }

    [Fact]
    public void ContactFor_IsTheRoutesContact_ElseTheSenderAddressWithoutItsName()
    {
        Assert.Equal("tu@sulbar.example", Book("tu@sulbar.example").ContactFor("surat-keluar"));
        Assert.Equal("tte@sulbar.example", Book("").ContactFor("surat-keluar"));
        Assert.Equal("tte@sulbar.example", Book("tu@sulbar.example").ContactFor("gone"));
    }
}
