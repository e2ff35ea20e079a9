-- Neovim's built-in LSP client attached to `prdlint lsp`, headless.
-- Reads PRDLINT (the binary), PRD (the document) and OUT (where to write
-- what the client received, as JSON); the calling script checks it.
local bin, prd, out = os.getenv('PRDLINT'), os.getenv('PRD'), os.getenv('OUT')
local result = { diagnostics = {}, hover = '', after = {}, error = nil }

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { d.lnum, d.col, d.end_lnum, d.end_col, d.code or '' })
  end
  table.sort(list, function(a, b)
    for i = 1, 4 do
      if a[i] ~= b[i] then return a[i] < b[i] end
    end
    return a[5] < b[5]
  end)
  return list
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(prd))
  local buf = vim.api.nvim_get_current_buf()
  local published = 0
  local config = {
    name = 'prdlint',
    cmd = { bin, 'lsp' },
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, res, ctx, cfg)
        vim.lsp.diagnostic.on_publish_diagnostics(err, res, ctx, cfg)
        published = published + 1
      end,
    },
  }
  local client_id
  if vim.lsp.start then -- Neovim 0.8 and later
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client_id)
  end
  if not vim.wait(20000, function() return published > 0 end, 20) then
    error('no diagnostics published')
  end
  result.diagnostics = diagnostics(buf)

  local first = result.diagnostics[1]
  if first then
    local replies = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = first[1], character = first[2] },
    }, 10000)
    for _, r in pairs(replies or {}) do
      if r.result and r.result.contents then
        result.hover = r.result.contents.value or ''
      end
    end
    -- Rewrite the first finding's line (an incremental change) and wait
    -- for the diagnostics of the new text.
    local line = vim.api.nvim_buf_get_lines(buf, first[1], first[1] + 1, false)[1]
    local indent = line:match('^[%s>%-%*%d%.]*')
    local before = published
    vim.api.nvim_buf_set_lines(buf, first[1], first[1] + 1, false, { indent .. 'Shoppers can pay as guests.' })
    if not vim.wait(20000, function() return published > before end, 20) then
      error('no diagnostics after the edit')
    end
    result.after = diagnostics(buf)
    result.edited = first[1]
  end
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd(ok and 'qall!' or 'cquit!')
