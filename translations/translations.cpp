// The catalogs themselves are compiled resources attached to this library.
namespace alloclab {
int translationsAnchor()
{
    return 0;
}
} // namespace alloclab
