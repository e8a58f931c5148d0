using NetworkMachinery.Operator.Crds;

namespace NetworkMachinery.Operator.Tests.Crds;

public sealed class XmlDocumentationTests
{
    private static readonly XmlDocumentation Documentation = XmlDocumentation.For(typeof(XmlDocumentationTests).Assembly);

    [Fact]
    public void OfProperty_Markup_BecomesOneLineOfPlainText()
    {
        Assert.Equal(
            "Uses 1.5s or Documented, and never null, across lines.",
            Documentation.OfProperty(typeof(Documented), nameof(Documented.Marked)));
    }

    [Fact]
    public void OfType_DocumentedType_ReturnsItsSummary()
    {
        Assert.Equal("A documented type.", Documentation.OfType(typeof(Documented)));
    }

    [Fact]
    public void OfProperty_Undocumented_ThrowsNamingTheMember()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Documentation.OfProperty(typeof(Documented), nameof(Documented.Bare)));
        Assert.Contains("Documented.Bare", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A documented type.</summary>
    private sealed class Documented
    {
        /// <summary>
        ///   Uses <c>1.5s</c> or <see cref="Documented"/>, and never <see langword="null"/>,
        ///   across lines.
        /// </summary>
        public int Marked { get; set; }

        public int Bare { get; set; }
    }
}
