# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python (newsanalysis)
#     language: python
#     name: newsanalysis
# ---

# %% [markdown]
# # 版面概览

# %% [markdown] tags=["notebook-only"]
# All articles of one printed page side by side: their sizes, topics, the figures they quote and whom they quote.
# `newsanalysis render` runs this notebook once per page; its HTML is the page's `index.html`.

# %% tags=["parameters"]
page_path = ""  # page file to report on; "" means the bundled sample page (data/raw/sample-page.txt)
top_n = 20  # how many terms the page-wide frequency chart shows

# %%
from newsanalysis import charts, config, report
from newsanalysis.report import readers

tables = report.cached_analysis(page_path or config.sample_page(), top_n=top_n)  # kept in data/processed/

# %% [markdown]
# ## 解析提示
# 解析程序没有把握的地方；每一处都可在版面文件旁的 `PAGE.layout.toml` 中更正（见 docs/page-format.md）。

# %%
readers.table(tables.warnings, {"line": "行", "message": "说明"}, empty="解析没有需要核对的地方。", numeric=("line",))

# %% [markdown]
# ## 各篇文章

# %%
readers.overview_table(tables.overview)

# %%
charts.article_sizes(tables.overview, value="n_chars")

# %% [markdown]
# ## 主题

# %%
readers.table(tables.topic_labels, {"label": "主题", "top_terms": "主要词语"}, empty="此版文字太少，无法划分主题。")

# %%
charts.topic_shares(tables.topic_shares, tables.topic_labels)

# %% [markdown]
# ## 各篇的数字与消息来源

# %%
charts.article_sizes(tables.overview, value="n_figures")

# %%
charts.article_sizes(tables.overview, value="n_sources")

# %%
readers.sources_table(tables.sources)

# %% [markdown]
# ## 全版词频

# %%
charts.term_bar(tables.terms, top_n=top_n, title="全版高频词")
