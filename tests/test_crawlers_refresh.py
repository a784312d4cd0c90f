"""Page refreshes and script stubs: which ones move the browser on, and where to."""

import pytest

from crawlers.refresh import might_move, refresh_target

BASE = "http://www.example.gov.cn/zwgk/fzzf/"


@pytest.mark.parametrize(
    ("content", "target"),
    [
        ("0;url=index.shtml", BASE + "index.shtml"),
        ("0; URL='/col/col123/index.html'", "http://www.example.gov.cn/col/col123/index.html"),
        ("1,url=http://www.example.gov.cn/a.html", "http://www.example.gov.cn/a.html"),
        ("3; url=&quot;list_1.html&quot;", BASE + "list_1.html"),
    ],
)
def test_meta_refresh_targets(content, target):
    html = f'<html><head><meta http-equiv="Refresh" content="{content}"></head><body></body></html>'
    assert might_move(html.encode())
    assert refresh_target(html, BASE) == target


@pytest.mark.parametrize(
    "html",
    [
        '<meta http-equiv="refresh" content="300">',  # reloads itself
        '<meta http-equiv="refresh" content="600;url=/other.html">',  # freshness, not a move
        '<noscript><meta http-equiv="refresh" content="0;url=/nojs.html"></noscript>',
        '<meta http-equiv="refresh" content="0;url=#top">',
        '<meta http-equiv="refresh" content="0;url=./">',  # the page itself
        '<meta name="keywords" content="0;url=/x.html">',
    ],
)
def test_refreshes_that_do_not_move(html):
    assert refresh_target(f"<html><head>{html}</head><body><p>x</p></body></html>", BASE) is None


def test_script_stub_is_followed_but_a_real_page_with_a_script_is_not():
    stub = '<html><body><script>window.location.href = "/zwgk/fzzf/list.html";</script></body></html>'
    assert refresh_target(stub, BASE) == "http://www.example.gov.cn/zwgk/fzzf/list.html"
    replace = "<html><body><script>location.replace('list2.html')</script>跳转中</body></html>"
    assert refresh_target(replace, BASE) == BASE + "list2.html"
    article = "<p>" + "法治政府建设工作取得新进展。" * 30 + "</p>"
    page = f'<html><body>{article}<script>function go(){{location.href="/x.html"}}</script></body></html>'
    assert refresh_target(page, BASE) is None


def test_ordinary_pages_skip_the_parse():
    assert not might_move(b"<html><body>" + "正文".encode() * 50_000 + b"</body></html>")
