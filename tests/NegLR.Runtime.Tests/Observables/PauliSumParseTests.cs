using System;
using System.Globalization;
using System.Linq;

namespace NegLR.Tests.Observables;

public class PauliSumParseTests
{
    private static PauliTerm Term(double c, string sparse)
    {
        var sum = PauliSum.Parse(sparse);
        var t = Assert.Single(sum.Terms);
        return t.WithCoefficient(c);
    }

    [Fact]
    public void Parse_MixedSum_ReadsCoefficientsMasksAndConstant()
    {
        var sum = PauliSum.Parse("0.5 Z0 Z1 - 1.2 X2 + 0.3");
        Assert.Equal(2, sum.Terms.Length);
        Assert.Equal(new PauliTerm(0.5, 0, 0b011), sum.Terms[0]);
        Assert.Equal(new PauliTerm(-1.2, 0b100, 0), sum.Terms[1]);
        Assert.Equal(0.3, sum.Constant);
    }

    [Theory]
    [InlineData("Z0", 1.0, 0, 1)]
    [InlineData("-Z0 Z1", -1.0, 0, 3)]
    [InlineData("2*X0 Y1", 2.0, 3, 2)]
    [InlineData("2 * X0Y1", 2.0, 3, 2)]
    [InlineData("1e-3 Y3", 1e-3, 8, 8)]
    [InlineData("  +.5   x4 ", 0.5, 16, 0)]
    [InlineData("3. Z29", 3.0, 0, 1 << 29)]
    [InlineData("\u22122.5E+1 Z1 I3", -25.0, 0, 2)]
    [InlineData("\tZ0\n", 1.0, 0, 1)]
    public void Parse_SingleTerm_Forms(string text, double coefficient, int x, int z)
    {
        var t = Assert.Single(PauliSum.Parse(text).Terms);
        Assert.Equal(coefficient, t.Coefficient, 15);
        Assert.Equal(x, t.XMask);
        Assert.Equal(z, t.ZMask);
    }

    [Theory]
    [InlineData("I", 1.0)]
    [InlineData("0.3", 0.3)]
    [InlineData("-2", -2.0)]
    [InlineData("-0.25 I", -0.25)]
    [InlineData("1 + 2 - 0.5 I", 2.5)]
    public void Parse_Constants_GoToConstant(string text, double constant)
    {
        var sum = PauliSum.Parse(text);
        Assert.Empty(sum.Terms);
        Assert.Equal(constant, sum.Constant, 15);
    }

    [Fact]
    public void Parse_LikeTerms_AreMergedAndZeroTermsDropped()
    {
        var sum = PauliSum.Parse("Z0 Z1 + 0.5 Z1 Z0 - X0 + X0 + 0");
        var t = Assert.Single(sum.Terms);
        Assert.Equal(1.5, t.Coefficient);
        Assert.Equal(3, t.ZMask);
    }

    [Fact]
    public void Parse_SignedNumberAfterOperator_IsAccepted()
    {
        var sum = PauliSum.Parse("Z0 + -0.5 X1 - -2 Y2");
        Assert.Equal(-0.5, sum.Terms[1].Coefficient);
        Assert.Equal(2.0, sum.Terms[2].Coefficient);
    }

    [Fact]
    public void Parse_IsCultureInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            var sum = PauliSum.Parse("1.5 Z0 + 0.25");
            Assert.Equal(1.5, sum.Terms[0].Coefficient);
            Assert.Equal(0.25, sum.Constant);
            Assert.Equal("1.5 Z0 + 0.25", sum.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    public static TheoryData<string> RoundTripSums => new()
    {
        "0.5 Z0 Z1 - 1.2 X2 + 0.3",
        "Z0",
        "-Z0 Z1",
        "1e-300 Y3 + 1e300 X29",
        "0.1 X0 Y1 Z2 + 0.2 Y0 - 0.30000000000000004",
        "0",
        "-7",
        "4.9406564584124654E-324 Z5",
    };

    [Theory]
    [MemberData(nameof(RoundTripSums))]
    public void Parse_ToString_RoundTrips(string text)
    {
        var sum = PauliSum.Parse(text);
        var again = PauliSum.Parse(sum.ToString());
        Assert.Equal(sum, again);
        Assert.Equal(sum.ToString(), again.ToString());
    }

    [Fact]
    public void Parse_ToString_RoundTripsShippedHamiltonians()
    {
        foreach (var h in new[]
        {
            Hamiltonians.H2Sto3g4Qubits(), Hamiltonians.H2Sto3g2Qubits(), Hamiltonians.H2Sto3g1Qubit(),
            Hamiltonians.TransverseFieldIsing(12, 1.0 / 3, Math.PI, periodic: true),
            Hamiltonians.MaxCut(new[] { (0, 1), (1, 2), (2, 0), (2, 29) }),
        })
        {
            Assert.Equal(h, PauliSum.Parse(h.ToString()));
        }
    }

    [Fact]
    public void Equality_IgnoresTermOrder_ButNotCoefficients()
    {
        Assert.Equal(PauliSum.Parse("Z0 + X1 + 2"), PauliSum.Parse("2 + X1 + Z0"));
        Assert.Equal(PauliSum.Parse("Z0 + X1").GetHashCode(), PauliSum.Parse("X1 + Z0").GetHashCode());
        Assert.NotEqual(PauliSum.Parse("Z0 + X1"), PauliSum.Parse("Z0 + 1.0000000001 X1"));
        Assert.NotEqual(PauliSum.Parse("Z0 + X1"), PauliSum.Parse("Z0 + Y1"));
        Assert.NotEqual(PauliSum.Parse("Z0"), PauliSum.Parse("Z0 + 1"));
        Assert.True(PauliSum.Parse("Z0") != PauliSum.Parse("Z1"));
        Assert.False(PauliSum.Parse("Z0") == null);
    }

    [Theory]
    [InlineData("", 0, "expected a term, but the text is empty")]
    [InlineData("   ", 3, "expected a term, but the text is blank")]
    [InlineData("0.5 A0", 4, "unknown Pauli letter 'A'")]
    [InlineData("Z0 Q1", 3, "unknown Pauli letter 'Q'")]
    [InlineData("0.5 Z0 Z", 8, "expected a qubit index after 'Z'")]
    [InlineData("0.5 Z0 X Y1", 8, "expected a qubit index after 'X'")]
    [InlineData("Z30", 1, "qubit index 30 is out of range")]
    [InlineData("X99999999999999", 1, "qubit index 99999999999999 is out of range")]
    [InlineData("Z0 X0", 3, "qubit 0 appears twice in one term")]
    [InlineData("Y3 Z1 I3", 6, "qubit 3 appears twice in one term")]
    [InlineData("Z0 +", 4, "expected a term after '+'")]
    [InlineData("Z0 - ", 5, "expected a term after '-'")]
    [InlineData("Z0 + - X1", 5, "expected a term after '+', found '-'")]
    [InlineData("-", 1, "expected a term after '-'")]
    [InlineData("2*", 2, "expected a Pauli operator after '*'")]
    [InlineData("0.5 2 Z0", 4, "a term has only one coefficient")]
    [InlineData("0.5 * 2 Z0", 6, "a term has only one coefficient")]
    [InlineData("Z0 0.5", 3, "a term has only one coefficient")]
    [InlineData("NaN Z0", 0, "coefficients must be finite numbers; found 'NaN'")]
    [InlineData("Z0 + inf X1", 5, "coefficients must be finite numbers; found 'inf'")]
    [InlineData("-Infinity", 1, "coefficients must be finite numbers; found 'Infinity'")]
    [InlineData("1e999 Z0", 0, "coefficients must be finite numbers; '1e999' is too large")]
    [InlineData("1e Z0", 2, "expected the digits of an exponent")]
    [InlineData("1e308 Z0 + 1e308 Z0", 11, "too large for a double")]
    [InlineData("Z0 # X1", 3, "expected '+', '-' or a Pauli operator")]
    [InlineData("* Z0", 0, "expected a coefficient or a Pauli operator")]
    public void Parse_BadText_ThrowsWithPositionAndExpectation(string text, int position, string expected)
    {
        var ex = Assert.Throws<PauliParseException>(() => PauliSum.Parse(text));
        Assert.Equal(position, ex.Position);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"at position {position}: ", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(ex);

        Assert.False(PauliSum.TryParse(text, out var result, out var error));
        Assert.Null(result);
        Assert.NotNull(error);
        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Exception_MessageNamesPositionAndExpectation()
    {
        var ex = Assert.Throws<PauliParseException>(() => PauliSum.Parse("0.5 Z0 Z"));
        Assert.Contains("at position 8: expected a qubit index after 'Z'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NullAndGood()
    {
        Assert.False(PauliSum.TryParse(null, out _, out var error));
        Assert.Equal(0, error!.Position);
        Assert.True(PauliSum.TryParse("Z0 + 1", out var sum, out var none));
        Assert.Null(none);
        Assert.Equal(1.0, sum.Constant);
        Assert.Throws<ArgumentNullException>(() => PauliSum.Parse(null!));
    }

    [Fact]
    public void IParsable_GenericParse_Works()
    {
        static T ParseGeneric<T>(string s) where T : IParsable<T> => T.Parse(s, CultureInfo.InvariantCulture);
        Assert.Equal(PauliSum.Z(3), ParseGeneric<PauliSum>("Z3"));
        Assert.True(PauliSum.TryParse("X0", CultureInfo.InvariantCulture, out var x));
        Assert.False(PauliSum.TryParse("X", CultureInfo.InvariantCulture, out _));
        Assert.Equal(1, x.Terms[0].XMask);
    }

    [Fact]
    public void Parse_LowerCaseLetters_AreAccepted()
    {
        Assert.Equal(PauliSum.Parse("0.5 X0 Y1 Z2"), PauliSum.Parse("0.5 x0 y1 z2"));
        Assert.Equal(Term(1, "Y7"), Term(1, "y7"));
    }
}
