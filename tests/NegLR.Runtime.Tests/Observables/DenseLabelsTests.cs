using System;

namespace NegLR.Tests.Observables;

public class DenseLabelsTests
{
    [Fact]
    public void FromDenseLabels_RightmostIsQubit0_ByDefault()
    {
        // Qiskit "IIXZ": Z on qubit 0, X on qubit 1.
        var sum = PauliSum.FromDenseLabels(new[] { ("IIXZ", 0.5), ("YIII", -1.0), ("IIII", 2.0) });
        Assert.Equal(PauliSum.Parse("0.5 Z0 X1 - Y3 + 2"), sum);
    }

    [Fact]
    public void FromDenseLabels_LeftmostIsQubit0_WhenAsked()
    {
        var sum = PauliSum.FromDenseLabels(new[] { ("IIXZ", 0.5), ("yiii", -1.0) }, rightmostIsQubit0: false);
        Assert.Equal(PauliSum.Parse("0.5 X2 Z3 - Y0"), sum);
    }

    [Fact]
    public void FromDenseLabels_BadInput_ThrowsArgumentExceptionNamingTerms()
    {
        Assert.Throws<ArgumentNullException>(() => PauliSum.FromDenseLabels(null!));
        Assert.Throws<ArgumentNullException>(() => PauliSum.FromDenseLabels(new[] { ((string)null!, 1.0) }));
        var bad = new[]
        {
            new[] { ("", 1.0) },
            new[] { ("IXA", 1.0) },
            new[] { ("IX", 1.0), ("IXZ", 1.0) },
            new[] { ("Z", double.NaN) },
            new[] { ("Z", double.PositiveInfinity) },
            new[] { (new string('Z', 31), 1.0) },
        };
        foreach (var terms in bad)
        {
            var ex = Assert.Throws<ArgumentException>(() => PauliSum.FromDenseLabels(terms));
            Assert.Equal("terms", ex.ParamName);
        }

        var letter = Assert.Throws<ArgumentException>(() => PauliSum.FromDenseLabels(new[] { ("IXA", 1.0) }));
        Assert.Contains("'A' at character 2", letter.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDenseLabels_ThirtyQubits_UsesQubit29()
    {
        var label = "X" + new string('I', 29);
        var t = Assert.Single(PauliSum.FromDenseLabels(new[] { (label, 1.0) }).Terms);
        Assert.Equal(1 << 29, t.XMask);
    }
}
