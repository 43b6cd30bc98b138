using System;

namespace NegLR.Tests.Observables;

public class PauliSumConstructionTests
{
    [Fact]
    public void Constructor_IdentityTermsOverflowTheConstant_ThrowsNamingTerms()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new PauliSum(new[] { new PauliTerm(1e308, 0, 0), new PauliTerm(1e308, 0, 0) }));
        Assert.Equal("terms", ex.ParamName);
    }

    [Fact]
    public void Constructor_LikeTermsOverflow_ThrowsNamingTerms()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new PauliSum(new[] { new PauliTerm(1e308, 0, 1), new PauliTerm(1e308, 0, 1) }));
        Assert.Equal("terms", ex.ParamName);
    }

    [Fact]
    public void Constructor_LikeTermsCancel_DropsTheTerm()
    {
        var sum = new PauliSum(new[] { new PauliTerm(0.5, 0, 1), new PauliTerm(-0.5, 0, 1), new PauliTerm(2, 1, 0) });
        Assert.Single(sum.Terms);
        Assert.Equal("X0", sum.Terms[0].Label);
    }
}
