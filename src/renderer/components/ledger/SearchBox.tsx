import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useState } from 'react';
import { useDebouncedCallback } from '../../app/use-debounced-callback';

interface Props {
  /** The search in force when the box appears (from the address). */
  initial?: string;
  /** The trimmed text, or undefined for none; called once typing pauses, or at once on Enter. */
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  className?: string;
}

/** The lists' search box: asks once typing pauses, not on every key. Give it a new `key` to empty it. */
export function SearchBox({ initial, onSearch, placeholder, className }: Props) {
  const [typed, setTyped] = useState(initial ?? '');
  const commit = useDebouncedCallback((q: string) => onSearch(q.trim() || undefined));
  return (
    <Input
      aria-label="搜索"
      placeholder={placeholder}
      prefix={<SearchOutlined />}
      allowClear
      value={typed}
      onChange={(e) => {
        setTyped(e.target.value);
        commit.run(e.target.value);
      }}
      // Leaving the box (a click on another tab) applies what was typed at once. Left waiting, it could land
      // on the tab the click opens: the router renders the new address before the old box is removed.
      onBlur={commit.flush}
      onPressEnter={() => {
        commit.cancel();
        onSearch(typed.trim() || undefined);
      }}
      maxLength={30}
      className={className}
    />
  );
}
