import { useState, type DragEvent, type ReactNode } from 'react';
import type { BoardColumnSpec } from '../board.columns.js';

interface BoardColumnProps {
  column: BoardColumnSpec;
  count: number;
  /** The cards, as list items. */
  children: ReactNode;
  /** True while a card that may move here is being dragged. */
  dropAllowed: boolean;
  onDrop: () => void;
}

/** One status column: a heading with its count, the cards as a list, and a drop target. */
export function BoardColumn({ column, count, children, dropAllowed, onDrop }: BoardColumnProps) {
  const [over, setOver] = useState(false);

  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!dropAllowed) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };

  const onDragLeave = (event: DragEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
  };

  const drop = (event: DragEvent<HTMLElement>) => {
    setOver(false);
    if (!dropAllowed) return;
    event.preventDefault();
    onDrop();
  };

  const classes = ['board-column', `board-column--${column.status.toLowerCase()}`];
  if (dropAllowed) classes.push('board-column--drop-allowed');
  if (dropAllowed && over) classes.push('board-column--drop-over');

  return (
    <section
      className={classes.join(' ')}
      aria-label={column.title}
      data-status={column.status}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={drop}
    >
      <h3 className="board-column__title">
        {column.title}{' '}
        <span className="board-column__count">
          {count}
          <span className="visually-hidden"> {count === 1 ? 'issue' : 'issues'}</span>
        </span>
      </h3>
      {count === 0 ? (
        <p className="board-column__empty">No issues</p>
      ) : (
        <ul className="board-column__list">{children}</ul>
      )}
    </section>
  );
}
