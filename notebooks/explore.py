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
# # 探索 Explore a page
#
# For JupyterLab (`make lab`): run all, then pick a page and an article, type a word into 检索 and press
# Enter for its contexts, click a term under 高频词 or a number under 数字 to see its sentences; 解析提示 lists
# where the parser was unsure. Given a corpus folder (`newsanalysis corpus build`), 走势 draws the searched
# term over time. Rendered without a live kernel, the explorer shows static tables (see `docs/explore.md`).

# %% tags=["parameters"]
source = ""  # a page file, a folder of pages or a corpus folder; "" means the bundled sample page
article = 1  # the article shown first, counted from 1
term = ""  # a word searched at once (papermill -p term ...); "" means none

# %%
import newsanalysis as na

explorer = na.explore(source, article=article, term=term)
explorer

# %% [markdown]
# ## 共现 Terms that occur together in the article shown above

# %%
na.charts.cooccurrence_network(na.stats.cooccurrence(explorer.article))
