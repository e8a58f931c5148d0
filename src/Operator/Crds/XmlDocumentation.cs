using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace NetworkMachinery.Operator.Crds;

/// <summary>
/// The XML documentation the compiler writes beside an assembly, read back so that the doc comments of the resource
/// models become the descriptions of their CRD fields (one text for both, instead of a copy in an attribute).
/// </summary>
internal sealed class XmlDocumentation
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => _summaries = summaries;

    /// <summary>Loads the documentation of <paramref name="assembly"/> from the application's directory.</summary>
    public static XmlDocumentation For(Assembly assembly)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The CRD descriptions come from the XML documentation of {assembly.GetName().Name}, which is not beside the program at {path}; "
                + "build with GenerateDocumentationFile (the repository's default) and copy the .xml with the assembly.",
                path);
        }

        var summaries = XDocument.Load(path).Descendants("member")
            .Where(member => member.Element("summary") is not null)
            .ToDictionary(member => (string)member.Attribute("name")!, member => Flatten(member.Element("summary")!), StringComparer.Ordinal);
        return new XmlDocumentation(summaries);
    }

    /// <summary>The summary of <paramref name="type"/>.</summary>
    public string OfType(Type type) => Lookup("T:" + NameOf(type));

    /// <summary>The summary of the property <paramref name="property"/> declared by <paramref name="declaringType"/>.</summary>
    public string OfProperty(Type declaringType, string property) => Lookup("P:" + NameOf(declaringType) + "." + property);

    private string Lookup(string id) => _summaries.TryGetValue(id, out var summary)
        ? summary
        : throw new InvalidOperationException($"{id} has no <summary>; every field of a resource needs one, because it becomes the CRD field's description.");

    // Documentation ids write a nested type's "+" as ".".
    private static string NameOf(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!.Replace('+', '.');

    // Doc comments are markup; a CRD description is plain text on one line.
    private static string Flatten(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.DescendantNodes())
        {
            switch (node)
            {
                case XText content:
                    text.Append(content.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } reference:
                    text.Append(ReferenceText(reference));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } parameter:
                    text.Append((string?)parameter.Attribute("name"));
                    break;
            }
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? ReferenceText(XElement reference)
    {
        if (reference.Attribute("langword") is { } word)
        {
            return word.Value;
        }

        if (!reference.IsEmpty)
        {
            return null; // the element's own text follows as an XText node
        }

        var cref = (string?)reference.Attribute("cref") ?? "";
        var name = cref[(cref.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var generic = name.IndexOf('`', StringComparison.Ordinal);
        name = generic >= 0 ? name[..generic] : name;
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
